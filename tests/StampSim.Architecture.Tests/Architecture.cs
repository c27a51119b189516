using System.Reflection;

namespace StampSim.Tests;

/// <summary>The allowed arrows of StampSim: between projects, and between namespaces from the bottom of the pipeline to the top.</summary>
internal static class Architecture
{
    /// <summary>Every StampSim assembly (the test project references the CLI and the benchmarks, which reference all others).</summary>
    public static IReadOnlyList<Assembly> Assemblies { get; } =
    [
        typeof(Numerics.NumericsConfig).Assembly,              // StampSim.Numerics
        typeof(Config.StampConfig).Assembly,                   // StampSim.Core
        typeof(Gpu.Pipeline.GpuLayer).Assembly,                // StampSim.Gpu
        typeof(Models.Linear.ILinearExecutor).Assembly,        // StampSim.Models
        typeof(Rtl.RtlEmitter).Assembly,                       // StampSim.Rtl
        typeof(Reports.Run.RunResult).Assembly,                // StampSim.Reports
        typeof(App.Run.ReportRun).Assembly,                    // StampSim.App
        typeof(Cli.Program).Assembly,                          // StampSim.Cli
        typeof(Benchmarks.StageBenchmarks).Assembly,           // StampSim.Benchmarks
    ];

    /// <summary>The project graph: which StampSim assemblies each may reference.</summary>
    public static IReadOnlyDictionary<string, string[]> AllowedReferences { get; } = new Dictionary<string, string[]>
    {
        ["StampSim.Numerics"] = [],
        ["StampSim.Core"] = ["StampSim.Numerics"],
        ["StampSim.Gpu"] = ["StampSim.Numerics"],
        ["StampSim.Models"] = ["StampSim.Numerics", "StampSim.Core"],
        ["StampSim.Rtl"] = ["StampSim.Numerics", "StampSim.Core"],
        ["StampSim.Reports"] = ["StampSim.Numerics", "StampSim.Core", "StampSim.Gpu", "StampSim.Models", "StampSim.Rtl"],
        ["StampSim.App"] = ["StampSim.Numerics", "StampSim.Core", "StampSim.Gpu", "StampSim.Models", "StampSim.Rtl", "StampSim.Reports"],
        ["stampsim"] = [   // the CLI (StampSim.Cli builds stampsim.dll)
            "StampSim.Numerics", "StampSim.Core", "StampSim.Gpu", "StampSim.Models", "StampSim.Reports", "StampSim.Rtl", "StampSim.App"],
        ["StampSim.Benchmarks"] = ["StampSim.Numerics", "StampSim.Core"],
    };

    /// <summary>
    /// Namespace layers, bottom first, as the pipeline reads: numerics (tensors and settings → transforms →
    /// quantization → integer GEMM → the layer → metrics), then hardware, configs, traces, the one layer
    /// evaluator, sweeps, the models, kernels and RTL, the report writers and schemas, the application layer
    /// (the runners) and the programs over them. A namespace (and the namespaces under it) may depend
    /// on namespaces of lower layers only: not on a higher layer, nor on a sibling of its own layer. The root
    /// namespace <c>StampSim</c> (the input error) is below everything.
    /// </summary>
    public static IReadOnlyList<string[]> Layers { get; } =
    [
        ["StampSim.Tensors", "StampSim.Numerics"],
        ["StampSim.Transforms"],
        ["StampSim.Quantization"],
        ["StampSim.Gemm"],
        ["StampSim.Pipeline"],
        ["StampSim.Metrics"],
        ["StampSim.Io", "StampSim.Hardware"],
        ["StampSim.Config"],
        ["StampSim.Traces"],
        ["StampSim.Evaluation"],
        ["StampSim.ModelCost"],
        ["StampSim.Sweeps"],
        ["StampSim.Gpu", "StampSim.Models", "StampSim.Rtl"],
        ["StampSim.Reports"],
        ["StampSim.App"],
        ["StampSim.Cli", "StampSim.Benchmarks"],
    ];

    /// <summary>The layer namespace <paramref name="ns"/> belongs to (itself or the nearest listed parent), or null.</summary>
    public static string? LayerNamespaceOf(string ns) =>
        Layers.SelectMany(l => l).Where(l => ns == l || ns.StartsWith(l + ".", StringComparison.Ordinal)).MaxBy(l => l.Length);
}
