using ILGPU;
using ILGPU.Algorithms;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime.Cuda;

namespace StampSim.Gpu.Ptx;

/// <summary>
/// Compiles a kernel to PTX without a GPU, the way ILGPU's CUDA accelerator would: a kernel that
/// cannot compile for CUDA (e.g. one calling a BCL helper that throws) fails here, on any machine.
/// Each compilation uses a fresh ILGPU context, because a failed compilation poisons its context.
/// </summary>
public static class PtxCompiler
{
    /// <summary>Compiles <paramref name="kernel"/> for <c>sm_90</c> with PTX ISA 8.8 and returns the PTX text.</summary>
    /// <exception cref="Exception">ILGPU could not compile the kernel (its message names the offending method).</exception>
    public static string Compile(KernelEntry kernel)
    {
        using var context = Context.Create(b => b.EnableAlgorithms());
        using var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        var entry = kernel.ExplicitlyGrouped
            ? EntryPointDescription.FromExplicitlyGroupedKernel(kernel.Method)
            : EntryPointDescription.FromImplicitlyGroupedKernel(kernel.Method);
        return ((PTXCompiledKernel)backend.Compile(entry, default)).PTXAssembly;
    }
}
