using System.Collections.Immutable;

namespace StampSim.ModelCost;

/// <summary>
/// The model families the model-level cost knows, keyed by name and by <c>config.json</c> <c>model_type</c>.
/// Immutable: <see cref="With"/> returns a new registry.
/// </summary>
public sealed class ModelFamilies
{
    private readonly ImmutableList<ModelFamily> _families;

    private ModelFamilies(ImmutableList<ModelFamily> families) => _families = families;

    /// <summary>Decoder-only LMs (dense and mixture of experts), ViT encoders and PixArt diffusion transformers.</summary>
    public static ModelFamilies BuiltIn { get; } = new ModelFamilies([])
        .With(new DecoderFamily())
        .With(new MoeFamily())
        .With(new VitFamily())
        .With(new DitFamily());

    /// <summary>The registered families, in registration order.</summary>
    public IReadOnlyList<ModelFamily> All => _families;

    /// <summary>Every <c>model_type</c> some family reads.</summary>
    public IReadOnlyList<string> ModelTypes => _families.SelectMany(f => f.ModelTypes).ToArray();

    /// <summary>A registry that also knows <paramref name="family"/>.</summary>
    /// <exception cref="ArgumentException">Its name or one of its model types is already registered.</exception>
    public ModelFamilies With(ModelFamily family)
    {
        if (_families.Exists(f => f.Name == family.Name))
            throw new ArgumentException($"model family '{family.Name}' is already registered", nameof(family));
        if (family.ModelTypes.FirstOrDefault(ModelTypes.Contains) is { } taken)
            throw new ArgumentException($"model_type '{taken}' is already read by another family", nameof(family));
        return new ModelFamilies(_families.Add(family));
    }

    /// <summary>The family named <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No such family; the message lists the known ones.</exception>
    public ModelFamily For(string name) =>
        _families.Find(f => f.Name == name)
        ?? throw new InputException($"unknown model family '{name}' (expected one of: {string.Join(", ", _families.Select(f => f.Name))})");

    /// <summary>The family that reads <paramref name="modelType"/>; <paramref name="source"/> names the file in the error.</summary>
    /// <exception cref="InputException">No family reads it; the message lists the supported model types.</exception>
    public ModelFamily ForModelType(string modelType, string source) =>
        _families.Find(f => f.ModelTypes.Contains(modelType))
        ?? throw new InputException($"{source}: model_type: '{modelType}' is not supported ({string.Join(", ", ModelTypes)})");
}
