using StampSim.Models.Llama;
using StampSim.Models.Tokenizer;
using StampSim.Models.Vit;

namespace StampSim.App.Eval;

/// <summary>Loads the models the <c>eval</c> and <c>capture</c> commands take.</summary>
public static class ModelFiles
{
    /// <summary>A llama2.c checkpoint (<c>.bin</c>) or Meta-named <c>.safetensors</c> (with <c>config.json</c> beside it).</summary>
    public static LlamaModel LoadLlama(string path) =>
        Path.GetExtension(path).Equals(".safetensors", StringComparison.OrdinalIgnoreCase)
            ? LlamaSafetensors.Load(path)
            : Llama2cCheckpoint.Load(path);

    /// <summary>The tokenizer given, or the llama2.c tokenizer file beside the model (<c>tokenizer.bin</c> or <c>tok*.bin</c>).</summary>
    public static Llama2cTokenizer LoadTokenizer(string? path, string modelPath, int vocabSize)
    {
        if (path is null)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(modelPath)) ?? ".";
            path = new[] { Path.Combine(dir, "tokenizer.bin") }.Concat(Directory.Exists(dir) ? Directory.GetFiles(dir, "tok*.bin").Order() : [])
                .FirstOrDefault(File.Exists)
                ?? throw new InputException($"{modelPath}: no tokenizer beside the model (tokenizer.bin or tok*.bin); pass --tokenizer");
        }
        return Llama2cTokenizer.Load(path, vocabSize);
    }

    /// <summary>A Hugging Face ViT classifier (<c>model.safetensors</c> with <c>config.json</c> beside it).</summary>
    public static VitModel LoadVit(string path) => VitLoader.Load(path);

    /// <summary>Reads a text file, naming it on failure; a file with no text (empty or whitespace only) is refused.</summary>
    public static string ReadText(string path)
    {
        string text = Io.StrictText.ReadFile(path);
        return string.IsNullOrWhiteSpace(text) ? throw new InputException($"{path}: holds no text (empty or whitespace only)") : text;
    }

    /// <summary>The image files (png, jpg, jpeg, bmp, webp) of a directory, or the one file given.</summary>
    public static IReadOnlyList<string> Images(string path)
    {
        if (File.Exists(path)) return [path];
        if (!Directory.Exists(path)) throw new InputException($"{path}: no such image file or directory");
        string[] extensions = [".png", ".jpg", ".jpeg", ".bmp", ".webp"];
        var files = Directory.GetFiles(path).Where(f => extensions.Contains(Path.GetExtension(f).ToLowerInvariant())).Order().ToList();
        return files.Count > 0 ? files : throw new InputException($"{path}: no images (png, jpg, jpeg, bmp, webp)");
    }
}
