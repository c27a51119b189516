namespace StampSim.Gpu.Runtime;

/// <summary>Which ILGPU accelerator runs the kernels.</summary>
public enum AcceleratorKind
{
    /// <summary>The first CUDA device when there is one, else the CPU accelerator.</summary>
    Auto,
    /// <summary>A CUDA device; an error when none is found.</summary>
    Cuda,
    /// <summary>ILGPU's CPU accelerator, configured like a GPU (warp 32, 256 threads per group).</summary>
    Cpu,
}
