using StampSim.Models.Llama;
using StampSim.Models.Tokenizer;
using StampSim.Models.Vit;

namespace StampSim.Tests.Support;

/// <summary>The real models of ../shared, loaded once for the whole test collection (null when absent).</summary>
public sealed class SharedModels
{
    public SharedModels()
    {
        if (SharedData.SkipReason is not null) return;
        Llama = Llama2cCheckpoint.Load(StoriesPath("stories260K.bin"));
        Tokenizer = Llama2cTokenizer.Load(StoriesPath("tok512.bin"), Llama.Config.VocabSize);
        Vit = VitLoader.Load(VitPath("model.safetensors"));
    }

    public LlamaModel? Llama { get; }

    public Llama2cTokenizer? Tokenizer { get; }

    public VitModel? Vit { get; }

    public static string StoriesPath(string file) => SharedData.Path("models", "stories260K", file);

    public static string VitPath(string file) => SharedData.Path("models", "vit-tiny", file);

    public static string TextPath(string file) => SharedData.Path("data", "text", file);

    public static string ImagePath(string file) => SharedData.Path("data", "images", file);
}

/// <summary>Tests on the real models share one loaded copy and run one at a time (each is parallel inside).</summary>
[CollectionDefinition(Name)]
public sealed class ModelsCollection : ICollectionFixture<SharedModels>
{
    public const string Name = "real models";
}
