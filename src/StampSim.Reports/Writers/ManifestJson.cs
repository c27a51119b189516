using System.Text.Json.Nodes;
using StampSim.Reports.Run;

namespace StampSim.Reports.Writers;

/// <summary>
/// <c>manifest.json</c> of a run report: what is needed to reproduce it and to tell two apart. The common
/// provenance (tool version and commits, command line, machine, times, the size and SHA-256 of every other
/// file) comes from <see cref="Provenance.ProvenanceBuilder"/>; this adds the run's own keys: trace and
/// config hashes, the seed (of a synthetic trace; the run itself draws no random numbers), the layers and threads.
/// </summary>
public static class ManifestJson
{
    /// <summary>Format name written under <c>format</c>.</summary>
    public const string Format = "stampsim-report";

    /// <summary>The run's own keys of the manifest.</summary>
    public static JsonObject Subject(RunResult run) => new()
    {
        ["trace"] = SourceJson.Trace(run.Trace),
        ["configs"] = new JsonArray(run.Configs.Select(c => (JsonNode)SourceJson.Config(c)).ToArray()),
        ["seed"] = run.Trace.Manifest.Input.Seed,
        ["layers"] = new JsonObject
        {
            ["selection"] = run.Request.Layers,
            ["count"] = run.Layers.Count,
            ["focus"] = run.Focus.Choice.Layer.Name,
        },
        ["threads"] = run.Request.Execution.Threads,
    };
}
