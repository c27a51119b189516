using StampSim.Io;
using StampSim.Numerics;

namespace StampSim.ModelCost;

/// <summary>
/// One kind of network, registered under its name in <see cref="ModelFamilies"/>: which
/// <c>config.json</c> <c>model_type</c>s it reads and how, and the operators of each phase of its run.
/// </summary>
public abstract class ModelFamily
{
    /// <summary>The family's name (<c>family</c> in <c>model --json</c>), e.g. <c>decoder</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How reports title the family, e.g. <c>Decoder</c>.</summary>
    public abstract string Title { get; }

    /// <summary>The <c>config.json</c> <c>model_type</c> values this family reads.</summary>
    public abstract IReadOnlyList<string> ModelTypes { get; }

    /// <summary>True when a run has decode steps after the prefill (an autoregressive decoder).</summary>
    public virtual bool Decodes => false;

    /// <summary>True when a run is one pass per diffusion step (<see cref="InferenceRequest.Steps"/>).</summary>
    public virtual bool Diffuses => false;

    /// <summary>True when the norms are RMSNorm; otherwise LayerNorm.</summary>
    public virtual bool RmsNorm => false;

    /// <summary>Reads the architecture from <paramref name="keys"/>; <paramref name="modelType"/> is one of <see cref="ModelTypes"/>.</summary>
    /// <exception cref="InputException">A missing or inconsistent key.</exception>
    public abstract ModelArchitecture Read(HfConfigJson keys, string name, string modelType);

    /// <summary>The operators of the prefill phase (the whole pass for a family that does not decode).</summary>
    public abstract IReadOnlyList<ModelOperator> Prefill(ModelArchitecture a, InferenceRequest r, ModelPolicy policy);

    /// <summary>The operators of all decode steps (none unless <see cref="Decodes"/>).</summary>
    public virtual IReadOnlyList<ModelOperator> Decode(ModelArchitecture a, InferenceRequest r, ModelPolicy policy) => [];

    /// <summary>
    /// The width of one attention head: <c>head_dim</c> when given (it need not be hidden / heads), else
    /// hidden / heads, which must then divide.
    /// </summary>
    /// <exception cref="InputException">No <c>head_dim</c> and the heads do not divide the hidden size.</exception>
    protected static int HeadDim(HfConfigJson k, int hidden, int heads)
    {
        if (k.Has("head_dim")) return k.Positive("head_dim");
        return hidden % heads == 0 ? hidden / heads
            : throw k.Error("num_attention_heads", $"{heads} heads do not divide hidden_size {hidden} (and there is no head_dim)");
    }

    /// <inheritdoc />
    public override string ToString() => Title;
}
