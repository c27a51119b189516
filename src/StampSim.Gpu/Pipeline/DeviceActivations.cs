using ILGPU;
using ILGPU.Runtime;

namespace StampSim.Gpu.Pipeline;

/// <summary>Activation codes and scales on the device (s x d codes, s x groups scales and offsets).</summary>
internal sealed class DeviceActivations(MemoryBuffer1D<byte, Stride1D.Dense> codes, MemoryBuffer1D<float, Stride1D.Dense> scale,
    MemoryBuffer1D<float, Stride1D.Dense> offset, int codeOffset, int tokens, int features) : IDisposable
{
    public MemoryBuffer1D<byte, Stride1D.Dense> Codes { get; } = codes;
    public MemoryBuffer1D<float, Stride1D.Dense> Scale { get; } = scale;
    public MemoryBuffer1D<float, Stride1D.Dense> Offset { get; } = offset;
    public int CodeOffset { get; } = codeOffset;
    public int Tokens { get; } = tokens;
    public int Features { get; } = features;

    public void Dispose()
    {
        Codes.Dispose();
        Scale.Dispose();
        Offset.Dispose();
    }
}
