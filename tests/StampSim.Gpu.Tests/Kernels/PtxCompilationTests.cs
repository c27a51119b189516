using StampSim.Gpu.Arithmetic;
using StampSim.Gpu.Ptx;

namespace StampSim.Tests.Kernels;

/// <summary>
/// Compiles every kernel to PTX for sm_90 (no GPU needed), so a kernel that cannot run on CUDA fails
/// CI, and checks the generated code for what bit-exactness depends on. Set STAMPSIM_PTX_DIR to keep
/// the PTX of every kernel for inspection.
/// </summary>
public class PtxCompilationTests
{
    public static TheoryData<string> CudaKernels() => new(KernelCatalog.ForCuda().Select(k => k.Name));

    [Fact]
    public void The_catalog_finds_every_kernel()
    {
        var names = KernelCatalog.ForCuda().Select(k => k.Name).ToArray();
        Assert.Equal(18, names.Length);
        Assert.Contains("GemmKernels.Multiply", names);
        Assert.True(KernelCatalog.ForCuda().Single(k => k.Name == "GemmKernels.Multiply").ExplicitlyGrouped);
        Assert.All(KernelCatalog.ForCuda().Where(k => k.Name != "GemmKernels.Multiply"), k => Assert.False(k.ExplicitlyGrouped, k.Name));
    }

    [Theory]
    [MemberData(nameof(CudaKernels))]
    public void Every_kernel_compiles_to_self_contained_ptx_with_explicitly_rounded_float_math(string name)
    {
        var kernel = KernelCatalog.ForCuda().Single(k => k.Name == name);
        string ptx = PtxCompiler.Compile(kernel);
        Dump(name, ptx);
        Assert.Contains(".entry", ptx);
        Assert.Empty(PtxInspection.ExternalFunctions(ptx));
        Assert.Empty(PtxInspection.UnroundedFloatOps(ptx));
        if (kernel.UsesFloatArithmetic)
            Assert.Contains(".rn.", ptx);   // its float math arrived as explicitly rounded instructions
    }

    [Fact]
    public void The_gemm_uses_dp4a_shared_memory_barriers_and_atomic_event_counts()
    {
        string ptx = PtxCompiler.Compile(KernelCatalog.ForCuda().Single(k => k.Name == "GemmKernels.Multiply"));
        Assert.NotEmpty(PtxInspection.Instructions(ptx, "dp4a.u32.s32"));
        Assert.NotEmpty(PtxInspection.Instructions(ptx, "dp4a.s32.s32"));
        Assert.NotEmpty(PtxInspection.Instructions(ptx, "bar.sync"));
        // Atomic.Add with an unused result compiles to a reduction.
        Assert.NotEmpty(PtxInspection.Instructions(ptx, "red.add.u64"));
        Assert.Contains(".shared", ptx);
    }

    [Fact]
    public void Plain_csharp_float_math_compiles_to_unrounded_ptx_that_ptxas_may_contract()
    {
        // The reason for PtxArithmetic: ILGPU emits mul.f32 followed by add.f32 for the epilogue written
        // in plain C#, and ptxas (--fmad=true by default) may fuse that pair into one fma.rn.f32.
        var plain = KernelCatalog.All(typeof(ManagedArithmetic)).Single(k => k.Name == "EpilogueKernels.Dequantize");
        var unrounded = PtxInspection.UnroundedFloatOps(PtxCompiler.Compile(plain));
        Assert.Contains(unrounded, l => l.StartsWith("mul.f32", StringComparison.Ordinal));
        Assert.Contains(unrounded, l => l.StartsWith("add.f32", StringComparison.Ordinal));
    }

    [Fact]
    public void Math_FusedMultiplyAdd_compiles_to_an_undefined_external_function()
    {
        // Why the DCT kernel takes its float64 FMA from PtxArithmetic (fma.rn.f64) on CUDA: ILGPU has no
        // mapping for Math.FusedMultiplyAdd and emits a call to an .extern function, which compiles here
        // but cannot be linked by the driver.
        var plain = KernelCatalog.All(typeof(ManagedArithmetic)).Single(k => k.Name == "DctKernels.Apply");
        Assert.NotEmpty(PtxInspection.ExternalFunctions(PtxCompiler.Compile(plain)));
    }

    [Fact]
    public void A_kernel_that_ilgpu_cannot_compile_fails_the_check()
    {
        var bad = new KernelEntry("Bad.Clamp", typeof(PtxCompilationTests).GetMethod(nameof(ClampKernel), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!,
            ExplicitlyGrouped: false, UsesFloatArithmetic: false);
        Assert.ThrowsAny<Exception>(() => PtxCompiler.Compile(bad));
    }

    // Math.Clamp contains a throw: fine on the CPU accelerator, not compilable for CUDA.
    private static void ClampKernel(ILGPU.Index1D i, ILGPU.ArrayView<int> data) => data[i] = Math.Clamp(data[i], 0, 255);

    private static void Dump(string name, string ptx)
    {
        string? dir = Environment.GetEnvironmentVariable("STAMPSIM_PTX_DIR");
        if (string.IsNullOrEmpty(dir)) return;
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".ptx"), ptx);
    }
}
