using System.Globalization;
using System.Text;
using StampSim.Reports.Plots;
using StampSim.Reports.Writers;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>The model report's <c>report.md</c>: what ran, the model-level table, the assumptions, accuracy and the plots.</summary>
public static class ModelMarkdown
{
    /// <summary>What ran, in the model family's words: prompt and decode tokens of a decoder, images (and steps) of a ViT or DiT.</summary>
    public static string RunText(ModelResult r)
    {
        var (a, q) = (r.Architecture, r.Request);
        if (a.Family.Decodes) return $"prompt {q.Prompt}, decode {q.Decode}, batch {q.Batch}" + (q.LogitsAll ? ", logits of every prompt token" : "");
        return $"{q.Batch} image{(q.Batch == 1 ? "" : "s")} per batch" + (a.Family.Diffuses ? $", {q.Steps} diffusion steps" : "");
    }

    /// <summary>The model's shape in words, with what the cost honours beyond it (head_dim, window, experts, positions) and its source.</summary>
    public static string ModelText(ModelCost.ModelArchitecture a) =>
        $"{a.Family}, hidden {a.Hidden}, MLP {a.Intermediate}, {a.Layers} blocks, {a.Heads} heads ({a.KvHeads} KV heads) of {a.HeadDim}" +
        (a.SlidingWindow > 0 ? $", sliding window {a.SlidingWindow} on {a.WindowedLayers} blocks" : "") +
        (a.Moe is { } m ? $", {m.Experts} experts of {m.ExpertIntermediate} (top-{m.TopK}) on {m.MoeLayers} blocks" + (m.SharedIntermediate > 0 ? $", shared experts {m.SharedIntermediate} wide" : "") : "") +
        (a.Vocab > 0 ? $", vocabulary/classes {a.Vocab}" : "") + (a.MaxPositions > 0 ? $", {a.MaxPositions} positions" : "") + $". Source: {a.Source}";

    /// <summary>Builds the text.</summary>
    public static string Build(ModelResult r, IReadOnlyList<PlotFile> plots)
    {
        var a = r.Architecture;
        var sb = new StringBuilder();
        sb.Append($"# Model-level cost: {a.Name}\n\n");
        sb.Append($"- **Model**: {ModelText(a)}\n");
        sb.Append($"- **Run**: {RunText(r)}\n");
        sb.Append($"- **Command**: `{r.Provenance.CommandText}`\n\n");
        sb.Append("## STaMP vs uniform A4 and A8\n\n");
        sb.Append(new TextTableData(ModelTable.Headers(r), ModelTable.RightAligned(r), ModelTable.Rows(r)).Markdown());
        sb.Append($"\n{ModelVerdict.Text(r)}\n");
        foreach (var c in r.Configs)
        {
            var s = c.Of(Variant.Stamp);
            sb.Append($"\n**{c.Config.Label}**: prefill linears {s.PrefillNumerics}; decode linears {s.DecodeNumerics ?? "(no decode)"}. " +
                      $"DRAM held: weights {Writers.Display.Bytes(s.Footprint.WeightBytes)}, KV cache {Writers.Display.Bytes(s.Footprint.KvCacheBytes)}, " +
                      $"activations {Writers.Display.Bytes(s.Footprint.ActivationBytes)}" +
                      (c.Config.Config.Accelerator?.Dram.Capacity is long cap ? $" of {Writers.Display.Bytes(cap)} (dram.capacity)." : " (the config gives no dram.capacity: not checked).") +
                      (s.Infeasible is { } why ? $" Infeasible: {why}." : "") + "\n");
        }
        sb.Append("\n## What bounds each operator class\n\n");
        sb.Append($"The bound is what limits most of the class's time (compute: the MAC array streaming; weight_load: the array waiting on its weight port; " +
                  $"dram; vector; or a layer unit or buffer by its stage name); utilisation is how busy the class's units are over its time. {ModelBoundsTable.DataflowText(r)}.\n\n");
        sb.Append(new TextTableData(ModelBoundsTable.Headers, ModelBoundsTable.Numeric, ModelBoundsTable.Rows(r)).Markdown());
        sb.Append("\n## Accuracy\n\n");
        sb.Append(r.Accuracy is { } acc
            ? $"Golden numerics of {acc.Layers} linear layers of `{acc.Trace}` (pooled output SQNR): {acc.PooledText}.\n"
            : "accuracy not evaluated (no trace)\n");
        sb.Append("\n## Assumptions\n\n");
        sb.Append("Operators run one after another; matmuls on the MAC array through the layer cost model (its mapping search, cycle model, " +
                  "DRAM and SRAM traffic; each matmul reads its inputs from and writes its outputs to DRAM in the io format), element-wise " +
                  "operators on the vector unit, embedding reads and KV-cache writes as DRAM traffic. Causal attention counts exactly the " +
                  "unmasked pairs; its time is the full matmul's scaled by that share. See docs/model-cost.md.\n");
        foreach (var p in plots)
            sb.Append($"\n### {p.Title} ({p.Config})\n\n![{p.Title}]({p.Png})\n\n{p.Caption}\n");
        return sb.ToString();
    }
}
