using System.Text.Json.Nodes;
using StampSim.Numerics;
using StampSim.Reports.Bench;

namespace StampSim.Reports.Schemas;

/// <summary>The document of <c>stampsim bench --json</c>.</summary>
public static class BenchJson
{
    /// <summary>The document's JSON text (<c>bench --json</c>).</summary>
    public static string Text(BenchResult r) => JsonText.Of(Build(r));

    /// <summary>Builds the document.</summary>
    public static JsonObject Build(BenchResult r) => new()
    {
        ["shape"] = new JsonObject { ["s"] = r.Shape.Tokens, ["d"] = r.Shape.Features, ["n"] = r.Shape.Outputs },
        ["threads"] = r.Threads,
        ["repetitions"] = r.Repetitions,
        ["kernel"] = ConfigNames.Of(r.Kernel),
        ["gemm_path"] = r.FastPath ? "fast" : "ordered",
        ["layer_seconds"] = r.LayerSeconds,
        ["metrics_seconds"] = r.MetricsSeconds,
        ["metrics_vs_engine"] = r.MetricsVsEngine,
        ["ordered_layer_seconds"] = r.OrderedLayerSeconds,
        ["ordered_vs_fast"] = r.OrderedVsFast,
        ["ordered_overflow_events"] = r.OrderedEvents,
        ["gemm_seconds"] = r.GemmSeconds,
        ["gemm_macs_per_second"] = r.GemmMacsPerSecond,
        ["peak_macs_per_second"] = r.PeakMacsPerSecond,
        ["gemm_fraction_of_peak"] = r.GemmFractionOfPeak,
        ["vnni256_peak_macs_per_second"] = r.VnniPeakMacsPerSecond,
        ["gemm_fraction_of_512bit_vnni_peak"] = r.GemmFractionOf512BitVnniPeak,
        ["cost_model_seconds_per_call"] = r.CostModelSecondsPerCall,
        ["numpy_gemm_seconds"] = r.NumpySeconds,
        ["numpy_float64_gemm_seconds"] = r.NumpyFloat64Seconds,
        ["metrics_vs_numpy_float64"] = r.MetricsVsNumpyFloat64,
        ["numpy"] = r.Numpy,
        ["layer_vs_numpy"] = r.LayerVsNumpy,
        ["layer_process_seconds"] = r.LayerProcess.WallSeconds,
        ["layer_process"] = r.LayerProcess.Detail,
        ["layer_process_vs_numpy"] = r.LayerProcessVsNumpy,
        ["layer_process_own_seconds"] = r.LayerProcess.OwnSeconds,
        ["layer_process_overhead_seconds"] = r.LayerProcess.OverheadSeconds,
        ["layer_process_vs_own"] = r.LayerProcess.WallVsOwn,
        ["block_sweep"] = new JsonObject
        {
            ["settings"] = r.BlockSweep.Settings,
            ["sweep_seconds"] = r.BlockSweep.SweepSeconds,
            ["replay_seconds"] = r.BlockSweep.ReplaySeconds,
            ["sweep_vs_replay"] = r.BlockSweep.SweepVsReplay,
            ["detail"] = r.BlockSweep.Detail,
        },
        ["eval_onnx"] = new JsonObject
        {
            ["sentences"] = r.OnnxEval.Sentences,
            ["seconds"] = r.OnnxEval.Seconds,
            ["detail"] = r.OnnxEval.Detail,
        },
        ["llama3_8b_block_seconds_estimate"] = r.LlamaBlockSecondsEstimate,
        ["allocated_bytes_per_layer"] = r.AllocatedBytesPerLayer,
        ["peak_memory_vs_io"] = r.PeakMemoryVsIo,
        ["process_peak_working_set_bytes"] = r.ProcessPeakWorkingSet,
    };
}
