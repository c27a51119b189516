using System.Text.Json.Nodes;
using StampSim.Gpu.Crosscheck;
using StampSim.Reports.Schemas;

namespace StampSim.Reports.Crosscheck;

/// <summary>
/// The document of <c>stampsim crosscheck --external... --json F</c>: per dumped stage the elements compared, the
/// golden and the stage-isolated mismatches, the first few with their inputs and the affected indices; the golden
/// overflow events; <c>first_failing_stage</c> (null when all match).
/// </summary>
public static class CrosscheckJson
{
    /// <summary>The document's JSON text.</summary>
    public static string Text(string layer, ExternalVerdict verdict)
    {
        var stages = new JsonArray();
        foreach (var s in verdict.Stages)
            stages.Add(new JsonObject
            {
                ["name"] = s.Stage.Name,
                ["title"] = s.Stage.Title,
                ["compared"] = s.Golden.Elements,
                ["mismatches"] = s.Golden.Mismatches,
                ["isolated_mismatches"] = s.Isolated.Mismatches,
                ["max_ulp"] = s.Golden.MaxUlp == long.MaxValue ? null : s.Golden.MaxUlp,
                ["sign_flips"] = s.Golden.SignFlips,
                ["passes"] = s.Passes,
                ["within_tolerance"] = s.Passes && !s.Exact,
                ["first"] = new JsonArray(s.First.Select(m => (JsonNode)new JsonObject
                {
                    ["index"] = new JsonArray(m.Index.Select(i => (JsonNode)i).ToArray()),
                    ["expected"] = m.Expected, ["actual"] = m.Actual, ["inputs"] = m.Inputs,
                }).ToArray()),
                ["affected"] = new JsonArray(s.Affected.Select(a => (JsonNode)a).ToArray()),
            });
        return JsonText.Of(new JsonObject
        {
            ["layer"] = layer,
            ["matches"] = verdict.Matches,
            ["ulp_tolerance"] = verdict.Stages.Count == 0 ? 0 : verdict.Stages[0].Tolerance,
            ["first_failing_stage"] = verdict.FirstFailingStage?.Name,
            ["golden_events"] = new JsonObject { ["tree"] = verdict.GoldenEvents.Tree, ["accumulator"] = verdict.GoldenEvents.Accumulator },
            ["events_compared"] = verdict.EventsCompared,
            ["stages"] = stages,
        });
    }
}
