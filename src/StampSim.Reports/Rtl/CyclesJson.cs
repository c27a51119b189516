using System.Text.Json.Nodes;
using StampSim.Reports.Schemas;
using StampSim.Rtl.Systolic;

namespace StampSim.Reports.Rtl;

/// <summary>The document of <c>stampsim rtl cycles --json</c> (docs/rtl.md, "Cycles against the cost model").</summary>
public static class CyclesJson
{
    /// <summary>The document's JSON text.</summary>
    public static string Text(CycleComparison c) => JsonText.Of(new JsonObject
    {
        ["config"] = c.Config,
        ["gemm"] = new JsonObject { ["m"] = c.Shape.Tokens, ["k"] = c.Shape.Features, ["n"] = c.Shape.Outputs },
        ["seed"] = c.Seed,
        ["array"] = new JsonObject
        {
            ["rows"] = c.Design.Column.Rows, ["cols"] = c.Design.Column.Cols, ["double_buffered_weights"] = c.Design.DoubleBuffered,
            ["weight_load_bytes_per_cycle"] = c.Design.LoadBytesPerCycle, ["weight_codes_per_cycle"] = c.Design.LoadCodesPerCycle,
        },
        ["mapping"] = new JsonObject { ["tile_tokens"] = c.Mapping.TileTokens, ["tile_outputs"] = c.Mapping.TileOutputs, ["tile_features"] = c.Mapping.TileFeatures },
        ["hi_tokens"] = c.HiTokens,
        ["folds"] = c.Folds,
        ["simulator"] = "verilator",
        ["rtl_cycles"] = c.Rtl.Cycles,
        ["model_cycles"] = c.Model.Total,
        ["difference"] = c.Difference,
        ["tolerance"] = c.Tolerance,
        ["mismatches"] = c.Rtl.Mismatches,
        ["checked_accumulators"] = c.Rtl.Checked,
        ["first_mismatch"] = c.Rtl.FirstMismatch,
        ["passed"] = c.Passed,
        ["phases"] = new JsonObject
        {
            ["rtl"] = new JsonObject
            {
                ["stream_hi"] = c.Rtl.HiStream, ["stream_lo"] = c.Rtl.LoStream, ["fill_drain"] = c.Rtl.FillDrain,
                ["weight_load"] = c.Rtl.Stall + c.Rtl.LoadWait, ["stall"] = c.Rtl.Stall, ["loader_busy"] = c.Rtl.LoaderBusy,
            },
            ["model"] = new JsonObject
            {
                ["stream_hi"] = c.Model.HiStream, ["stream_lo"] = c.Model.LoStream, ["fill_drain"] = c.Model.FillDrain, ["weight_load"] = c.Model.WeightLoad,
            },
        },
        ["seconds"] = new JsonObject { ["build"] = c.Rtl.CompileSeconds, ["simulate"] = c.Rtl.SimulateSeconds },
    });
}
