using System.Globalization;

namespace StampSim.App.Bench;

/// <summary>
/// What a user comparing variants on a sentence encoder waits for: a whole <c>stampsim eval onnx</c> child process
/// over the first <see cref="Sentences"/> sentences (every paper variant and the configured one).
/// </summary>
internal static class OnnxSentences
{
    /// <summary>Sentences embedded.</summary>
    public const int Sentences = 20;

    /// <summary>Wall seconds of the run, or null with the reason.</summary>
    public static (double? Seconds, string Detail) Measure(string model, string text, int threads)
    {
        if (StampsimChild.Unavailable is { } why) return (null, why);
        var run = StampsimChild.Run("eval", "onnx", "--model", model, "--text", text, "--sentences", Sentences.ToString(CultureInfo.InvariantCulture),
            "--threads", threads.ToString(CultureInfo.InvariantCulture));
        return run.Failure("stampsim eval onnx") is { } failure ? (null, failure) : (run.Seconds, $"{Path.GetFileName(model)} on {Path.GetFileName(text)}");
    }
}
