using ILGPU;
using ILGPU.Runtime;

namespace StampSim.Gpu.Pipeline;

/// <summary>Weight codes (n x d), scales (n) and per-group row sums (groups x n) on the device.</summary>
internal sealed class DeviceWeights(MemoryBuffer1D<sbyte, Stride1D.Dense> codes, MemoryBuffer1D<float, Stride1D.Dense> scale,
    MemoryBuffer1D<int, Stride1D.Dense> rowSum, int outputs) : IDisposable
{
    public MemoryBuffer1D<sbyte, Stride1D.Dense> Codes { get; } = codes;
    public MemoryBuffer1D<float, Stride1D.Dense> Scale { get; } = scale;
    public MemoryBuffer1D<int, Stride1D.Dense> RowSum { get; } = rowSum;
    public int Outputs { get; } = outputs;

    public void Dispose()
    {
        Codes.Dispose();
        Scale.Dispose();
        RowSum.Dispose();
    }
}
