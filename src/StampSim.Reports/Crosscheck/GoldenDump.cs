using System.Text.Json.Nodes;
using StampSim.Gpu.Crosscheck;
using StampSim.Io;
using StampSim.Pipeline;
using StampSim.Reports.Folder;
using StampSim.Reports.Provenance;
using StampSim.Reports.Schemas;
using StampSim.Traces.Npy;

namespace StampSim.Reports.Crosscheck;

/// <summary>
/// The folder of <c>stampsim crosscheck --dump DIR</c>: the layer's inputs (<c>x.npy</c>, <c>w.npy</c>, <c>b.npy</c>)
/// and every golden stage as <c>NAME.npy</c> under the names <c>--external-dir</c> reads (float32 stages as
/// float32, integer stages as int64, golden shapes), <c>stages.json</c> listing them, and the manifest.
/// </summary>
public static class GoldenDump
{
    /// <summary>The manifest <c>format</c> of a dump folder.</summary>
    public const string Format = "stampsim-crosscheck-dump";

    /// <summary>The file listing the stages.</summary>
    public const string StagesJson = "stages.json";

    /// <summary>Writes the dump into <paramref name="folder"/> (a report folder's staging folder), manifest last.</summary>
    public static void Write(string folder, LayerInputs inputs, IReadOnlyDictionary<string, StageValues> stages,
        IReadOnlyList<string> commandLine, DateTimeOffset started, IEnumerable<string?> inputFiles)
    {
        NpyFile.Write<float>(Path.Combine(folder, "x.npy"), inputs.X.Data, inputs.Tokens, inputs.Features);
        NpyFile.Write<float>(Path.Combine(folder, "w.npy"), inputs.W.Data, inputs.Outputs, inputs.Features);
        if (inputs.Bias is { } b) NpyFile.Write<float>(Path.Combine(folder, "b.npy"), b, b.Length);
        var list = new JsonArray();
        foreach (var stage in ExternalStages.All)
        {
            var v = stages[stage.Name];
            string file = stage.Name + ".npy";
            if (v.Floats is { } f) NpyFile.Write<float>(Path.Combine(folder, file), f, v.Shape);
            else NpyFile.Write<long>(Path.Combine(folder, file), v.Integers!, v.Shape);
            list.Add(new JsonObject
            {
                ["name"] = stage.Name, ["file"] = file, ["title"] = stage.Title, ["dtype"] = v.Floats is null ? "int64" : "float32",
                ["shape"] = new JsonArray(v.Shape.Select(x => (JsonNode)x).ToArray()), ["axes"] = new JsonArray(stage.Axes.Select(a => (JsonNode)a).ToArray()),
            });
        }
        AtomicFile.WriteAllText(Path.Combine(folder, StagesJson), JsonText.Of(new JsonObject { ["layer"] = inputs.Name, ["stages"] = list }));
        var run = RunProvenance.Capture(commandLine, started, DateTimeOffset.UtcNow);
        var provenance = ProvenanceBuilder.ForFolder(run, folder, inputFiles.OfType<string>().Where(File.Exists));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportFiles.ManifestJson), ProvenanceBuilder.ManifestText(Format, provenance, new JsonObject { ["layer"] = inputs.Name }));
    }
}
