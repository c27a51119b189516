using StampSim.Config;
using StampSim.Hardware;
using StampSim.Models.Evaluation;
using StampSim.Models.Linear;
using StampSim.Reports.Eval;

namespace StampSim.App.Eval;

/// <summary>What <c>eval llama</c> scored: perplexity per variant and the tokens of the text.</summary>
/// <param name="Rows">One result per variant, in the comparison set's order.</param>
/// <param name="TokensInText">Tokens the whole text encodes to.</param>
public sealed record LlamaEvaluation(IReadOnlyList<EvalRow<PerplexityResult>> Rows, int TokensInText)
{
    /// <summary>Loads the LM, its tokenizer and the text, and scores the text under every variant.</summary>
    /// <param name="model">llama2.c checkpoint or Meta-named safetensors.</param>
    /// <param name="tokenizer">The tokenizer file, or null for the one beside the model.</param>
    /// <param name="text">The text file.</param>
    /// <param name="maxTokens">Score at most this many tokens, or null for all.</param>
    /// <param name="variants">The comparison set.</param>
    /// <param name="mac">The MAC array the quantized linears run on.</param>
    /// <param name="options">Quantized executors' options.</param>
    /// <param name="progress">Hears every window done.</param>
    /// <param name="finished">Hears each variant's result.</param>
    /// <exception cref="InputException">A file is missing or malformed.</exception>
    public static LlamaEvaluation Run(string model, string? tokenizer, string text, long? maxTokens, IReadOnlyList<ComparisonVariant> variants, MacArrayConfig mac,
        QuantizedExecutorOptions options, Action<EvalProgress> progress, Action<EvalRow<PerplexityResult>> finished)
    {
        var lm = ModelFiles.LoadLlama(model);
        var tok = ModelFiles.LoadTokenizer(tokenizer, model, lm.Config.VocabSize);
        var tokens = tok.Encode(ModelFiles.ReadText(text), bos: false, eos: false);
        var rows = VariantRunner.Run(variants, (v, report) => Perplexity.Evaluate(lm, tokens, v.CreateExecutor(mac, options), maxTokens, report), progress, finished);
        return new LlamaEvaluation(rows, tokens.Length);
    }
}
