using StampSim.Tests.Support;

namespace StampSim.Tests.Onnx;

/// <summary>The shared all-MiniLM-L6-v2 ONNX export and the text it is tested on.</summary>
internal static class MiniLm
{
    public static string Model => SharedData.Path("models", "minilm-l6", "model.onnx");

    public static string Vocab => SharedData.Path("models", "minilm-l6", "vocab.txt");

    public static string WikiText => SharedData.Path("data", "text", "wikitext2_test_raw.txt");

    /// <summary>Skips the test, with the reason, when ../shared or the model is absent.</summary>
    public static void SkipIfAbsent()
    {
        Skip.If(SharedData.SkipReason is not null, SharedData.SkipReason);
        Skip.IfNot(File.Exists(Model), $"{Model} is not present");
    }
}
