using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Config;
using StampSim.Models.Evaluation;
using StampSim.Models.Onnx;
using StampSim.Reports.Provenance;
using StampSim.Reports.Schemas;

namespace StampSim.Reports.Eval;

/// <summary>
/// The files of <c>stampsim eval llama|vit|onnx --json/--csv</c>: the JSON has its provenance, the inputs and, per variant,
/// its figures and effective numerics; the CSV has one row per variant with the scalar figures as columns.
/// </summary>
/// <param name="Json">The JSON document's text.</param>
/// <param name="Csv">The CSV text.</param>
public sealed record EvalReport(string Json, string Csv)
{
    /// <summary>The <c>format</c> of the JSON's <c>provenance</c> (the one provenance builder's manifest: tool, commit, command, input digests, machine, times).</summary>
    public const string Format = "stampsim-eval";

    /// <summary>Perplexity of an LM per variant (<c>eval llama</c>).</summary>
    public static EvalReport Perplexity(OutputProvenance provenance, string model, string text, int tokensInText, IReadOnlyList<EvalRow<PerplexityResult>> rows) =>
        Of(provenance, new JsonObject { ["model"] = model, ["text"] = text, ["tokens_in_text"] = tokensInText },
            rows.Select(r => (r.Variant, new JsonObject
            {
                ["perplexity"] = JsonNumbers.Of(r.Result.Perplexity),
                ["mean_nll"] = JsonNumbers.Of(r.Result.MeanNll),
                ["tokens"] = r.Result.TokensScored,
                ["windows"] = r.Result.Windows,
            })).ToList());

    /// <summary>Top-1 agreement and logit SQNR of a ViT per variant (<c>eval vit</c>).</summary>
    public static EvalReport Vit(OutputProvenance provenance, string model, string images, IReadOnlyList<EvalRow<VitComparison>> rows) =>
        Of(provenance, new JsonObject { ["model"] = model, ["images"] = images },
            rows.Select(r => (r.Variant, new JsonObject
            {
                ["top1_agreement"] = r.Result.Top1Agreement,
                ["logit_sqnr_db"] = JsonNumbers.Of(r.Result.MeanLogitSqnrDb),
                ["images"] = r.Result.Images.Count,
                ["per_image"] = new JsonArray(r.Result.Images.Select(i => (JsonNode)new JsonObject
                {
                    ["image"] = i.Name, ["reference_top1"] = i.ReferenceTop1, ["top1"] = i.CandidateTop1, ["logit_sqnr_db"] = JsonNumbers.Of(i.LogitSqnrDb),
                }).ToArray()),
            })).ToList());

    /// <summary>Sentence-embedding agreement of an encoder per variant (<c>eval onnx</c>).</summary>
    public static EvalReport Encoder(OutputProvenance provenance, EncoderEvalInputs inputs, IReadOnlyList<EvalRow<EncoderComparison>> rows) =>
        Of(provenance, new JsonObject
        {
            ["model"] = inputs.Model, ["text"] = inputs.Text, ["sentences"] = inputs.Sentences, ["tokens"] = inputs.Tokens, ["output"] = inputs.Output,
            ["float32_vs_onnxruntime_mean_cosine"] = JsonNumbers.Of(inputs.Float32VsRuntime.MeanCosine),
            ["float32_vs_onnxruntime_mean_sqnr_db"] = JsonNumbers.Of(inputs.Float32VsRuntime.MeanSqnrDb),
        },
            rows.Select(r => (r.Variant, new JsonObject
            {
                ["mean_cosine"] = JsonNumbers.Of(r.Result.MeanCosine),
                ["min_cosine"] = JsonNumbers.Of(r.Result.MinCosine),
                ["mean_sqnr_db"] = JsonNumbers.Of(r.Result.MeanSqnrDb),
                ["sentences"] = r.Result.Cosines.Count,
            })).ToList());

    private static EvalReport Of(OutputProvenance provenance, JsonObject inputs, IReadOnlyList<(ComparisonVariant Variant, JsonObject Figures)> rows)
    {
        // The CSV takes the scalar figures, in the order of the first variant's, before the numerics are added.
        var columns = rows[0].Figures.Where(kv => kv.Value is JsonValue).Select(kv => kv.Key).ToList();
        var csv = new StringBuilder("variant," + string.Join(',', columns) + "\n");
        foreach (var (variant, figures) in rows)
            csv.Append(variant.Name).Append(',').AppendJoin(',', columns.Select(c => figures[c]?.ToJsonString().Trim('"') ?? "")).Append('\n');

        var variants = new JsonObject();
        foreach (var (variant, figures) in rows)
        {
            figures["numerics"] = variant.Numerics is null ? null : ConfigJson.Node(variant.Numerics);
            variants[variant.Name] = figures;
        }
        var root = new JsonObject { ["provenance"] = ProvenanceBuilder.Manifest(Format, provenance, []), ["inputs"] = inputs, ["variants"] = variants };
        return new EvalReport(JsonText.Of(root), csv.ToString());
    }
}
