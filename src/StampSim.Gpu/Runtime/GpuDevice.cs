using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using StampSim.Gpu.Kernels;

namespace StampSim.Gpu.Runtime;

/// <summary>
/// An ILGPU context and the accelerator the kernels run on, with every kernel loaded. The CPU
/// accelerator is configured like a GPU (warp 32, 8 warps = 256 threads per group, one
/// multiprocessor) so grouped kernels run the same way they do on CUDA.
/// </summary>
public sealed class GpuDevice : IDisposable
{
    private readonly Context _context;

    private GpuDevice(Context context, Accelerator accelerator, string? fallbackReason)
    {
        _context = context;
        Accelerator = accelerator;
        FallbackReason = fallbackReason;
        Kernels = KernelSet.Load(accelerator);
    }

    /// <summary>The accelerator.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>Why <c>auto</c> fell back to the CPU accelerator, or null.</summary>
    public string? FallbackReason { get; }

    /// <summary>True when the kernels run on a CUDA device.</summary>
    public bool IsCuda => Accelerator.AcceleratorType == AcceleratorType.Cuda;

    /// <summary>One line naming the accelerator and device.</summary>
    public string Description => IsCuda
        ? $"cuda: {Accelerator.Name} ({Accelerator.NumMultiprocessors} multiprocessors, {Accelerator.MemorySize / (1L << 20)} MiB)"
        : $"cpu: ILGPU CPU accelerator (warp {Accelerator.WarpSize}, {Accelerator.MaxNumThreadsPerGroup} threads per group, {Accelerator.NumMultiprocessors} multiprocessor)";

    internal KernelSet Kernels { get; }

    /// <summary>The GPU-like CPU accelerator configuration: warp 32, 8 warps per group, one multiprocessor.</summary>
    public static CPUDevice GpuLikeCpu() => new(32, 8, 1);

    /// <summary>
    /// Opens the accelerator <paramref name="kind"/> asks for. Unless only the CPU accelerator was
    /// asked for, the CUDA probe's findings are written to <paramref name="log"/> as soon as they are
    /// known, so they are visible even when opening then fails.
    /// </summary>
    /// <exception cref="InputException">CUDA was asked for and no CUDA device is available (the message says why).</exception>
    public static GpuDevice Open(AcceleratorKind kind, TextWriter? log = null)
    {
        if (kind == AcceleratorKind.Cpu)
            return OpenCpu(null);
        CudaDriverResolver.Register();
        Context context;
        try
        {
            context = Context.Create(b => b.Cuda().CPU(GpuLikeCpu()).EnableAlgorithms());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // ILGPU's CUDA initialisation can fail in driver-specific ways; any of them means "no usable CUDA".
            var broken = new CudaStatus(CudaDriverResolver.TryLoadDriver() ?? $"ILGPU could not initialise CUDA: {e.Message.ReplaceLineEndings(" ")}", []);
            return Fallback(kind, broken, log);
        }
        try
        {
            var cuda = CudaStatus.Probe(context);
            if (!cuda.Supported)
            {
                context.Dispose();
                return Fallback(kind, cuda, log);
            }
            if (log is not null)
                foreach (var line in cuda.Lines()) log.WriteLine(line);
            return new GpuDevice(context, context.GetCudaDevice(0).CreateAccelerator(context), null);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    private static GpuDevice Fallback(AcceleratorKind kind, CudaStatus cuda, TextWriter? log)
    {
        if (log is not null)
            foreach (var line in cuda.Lines()) log.WriteLine(line);
        if (kind == AcceleratorKind.Cuda)
            throw new InputException($"--accelerator cuda: no CUDA device: {cuda.Reason}");
        return OpenCpu(cuda.Reason);
    }

    private static GpuDevice OpenCpu(string? fallbackReason)
    {
        var context = Context.Create(b => b.CPU(GpuLikeCpu()).EnableAlgorithms());
        try
        {
            return new GpuDevice(context, context.GetCPUDevice(0).CreateAccelerator(context), fallbackReason);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>A grid-stride launch for <paramref name="count"/> items: at most the threads the device keeps resident.</summary>
    internal Work Work(long count)
    {
        if (count > int.MaxValue)
            throw new InputException($"a stage of {count} elements is too large for one launch (limit {int.MaxValue})");
        long resident = (long)Accelerator.NumMultiprocessors * Accelerator.MaxNumThreadsPerMultiprocessor;
        return new Work((int)count, (int)Math.Max(1, Math.Min(count, resident)));
    }

    /// <summary>Thread groups for the GEMM: at most as many as stay resident, each striding over the tiles.</summary>
    internal int GemmGroups(int tiles)
    {
        int perMultiprocessor = Math.Max(1, Accelerator.MaxNumThreadsPerMultiprocessor / GemmKernels.GroupThreads);
        return Math.Max(1, Math.Min(tiles, Accelerator.NumMultiprocessors * perMultiprocessor));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Accelerator.Dispose();
        _context.Dispose();
    }
}
