using StampSim.App.Model;
using StampSim.Hardware;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Reports.Model;
using StampSim.Reports.Run;

namespace StampSim.Tests.Model;

/// <summary>The model table and verdict: absolute figures in sensible units, images for ViT, the infeasible reason, a verdict that follows the numbers.</summary>
public class ModelTableTests
{
    private static ModelResult Run(string arch, InferenceRequest r, params string[] sets) =>
        ModelRun.Execute(ArchitectureReader.Load(arch), r, ConfigSpec.LoadAll([], sets), [], null, new ExecutionOptions(MaxThreads: 1), ["stampsim", "model"], DateTimeOffset.UtcNow);

    [Fact]
    public void Decoder_rows_carry_absolute_figures_with_units_for_each_variant()
    {
        var r = Run("stories260K", new InferenceRequest(Prompt: 128, Decode: 4));
        var rows = ModelTable.Rows(r);
        Assert.Equal(["STaMP", "A4", "A8"], rows.Select(x => x[1]));
        var headers = ModelTable.Headers(r);
        int ttft = headers.ToList().IndexOf("TTFT");
        Assert.All(rows, row => Assert.Matches(@"^\d+(\.\d+)? (s|ms|µs)$", row[ttft]));
        Assert.Equal("1.000", rows[2][headers.ToList().IndexOf("TTFT /A8")]);
    }

    [Fact]
    public void ViT_headers_speak_of_images_not_prompts()
    {
        var headers = ModelTable.Headers(Run("vit-tiny", new InferenceRequest()));
        Assert.Contains("energy/image", headers);
        Assert.DoesNotContain(headers, h => h.Contains("token") || h.Contains("TTFT") || h.Contains("TPOT"));
        Assert.Equal("1 image per batch", ModelMarkdown.RunText(Run("vit-tiny", new InferenceRequest())));
    }

    [Fact]
    public void An_infeasible_variant_shows_its_reason_and_no_figures()
    {
        var r = Run("llama-3-8b", new InferenceRequest(Prompt: 128, Decode: 4), "dram.capacity=1 GiB");
        foreach (var row in ModelTable.Rows(r))
        {
            Assert.StartsWith("infeasible: needs ", row[2]);
            Assert.All(row.Skip(3), cell => Assert.Equal("-", cell));
        }
        Assert.Contains("STaMP cannot run this model", ModelVerdict.Text(r));
        Assert.Single(ModelCsv.Build(r).Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the header only
        Assert.All(ModelBoundsTable.Rows(r), row => Assert.All(row.Skip(3), cell => Assert.Equal("-", cell)));
    }

    [Fact]
    public void The_verdict_follows_the_numbers()
    {
        var r = Run("stories260K", new InferenceRequest(Prompt: 128, Decode: 4));
        var c = r.Configs.Single();
        bool faster = c.Of(Variant.Stamp).TtftSeconds < c.Of(Variant.A8).TtftSeconds;
        Assert.Contains(faster ? "STaMP beats A8's time to first token on edge-npu" : "does not beat A8's time to first token", ModelVerdict.Text(r));
        if (faster) Assert.Contains("which needs a trace", ModelVerdict.Text(r));
    }
}
