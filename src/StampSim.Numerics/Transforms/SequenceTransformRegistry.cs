using StampSim.Tensors;
using System.Collections.Immutable;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// The sequence transforms the simulator knows, keyed by config name. Immutable: <see cref="With"/>
/// returns a new registry, so a test or a tool can add a transform without touching the built-in one.
/// </summary>
public sealed class SequenceTransformRegistry
{
    private readonly ImmutableList<ISequenceTransformDescriptor> _descriptors;

    private SequenceTransformRegistry(ImmutableList<ISequenceTransformDescriptor> descriptors) => _descriptors = descriptors;

    /// <summary>The transforms of the numerics contract: <c>none</c>, <c>haar</c>, <c>haar2d</c>, <c>dct</c>, <c>wht</c>.</summary>
    public static SequenceTransformRegistry BuiltIn { get; } = new SequenceTransformRegistry([])
        .With(new IdentityDescriptor())
        .With(new HaarDescriptor())
        .With(new Haar2dDescriptor())
        .With(new DctDescriptor())
        .With(new WhtDescriptor());

    /// <summary>The registered config names, in registration order.</summary>
    public IReadOnlyList<string> Names => _descriptors.Select(d => d.Kind.Name).ToArray();

    /// <summary>The registered descriptors, in registration order.</summary>
    public IReadOnlyList<ISequenceTransformDescriptor> Descriptors => _descriptors;

    /// <summary>A registry that also knows <paramref name="descriptor"/>.</summary>
    /// <exception cref="ArgumentException">Its name is already registered.</exception>
    public SequenceTransformRegistry With(ISequenceTransformDescriptor descriptor)
    {
        if (Contains(descriptor.Kind))
            throw new ArgumentException($"sequence transform '{descriptor.Kind}' is already registered", nameof(descriptor));
        return new SequenceTransformRegistry(_descriptors.Add(descriptor));
    }

    /// <summary>True when <paramref name="kind"/> is registered.</summary>
    public bool Contains(SequenceTransformKind kind) => _descriptors.Exists(d => d.Kind == kind);

    /// <summary>The descriptor of <paramref name="kind"/>.</summary>
    /// <exception cref="InputException">The name is not registered; the message lists the known ones.</exception>
    public ISequenceTransformDescriptor For(SequenceTransformKind kind) =>
        _descriptors.Find(d => d.Kind == kind)
        ?? throw new InputException($"numerics.transform: unknown sequence transform '{kind}' (expected one of: {string.Join(", ", Names)})");

    /// <summary>
    /// Resolves and validates the transform for <paramref name="tokens"/> tokens without building it.
    /// Prefix tokens are kept aside; the <c>auto</c> levels rule then applies to the remaining tokens
    /// with the high-precision tokens the prefix does not already take.
    /// </summary>
    /// <exception cref="InputException">An unknown transform, or the shape does not suit it.</exception>
    public SequenceTransformPlan Plan(NumericsConfig numerics, int tokens)
    {
        var descriptor = For(numerics.Transform);
        int prefix = numerics.PrefixTokens;
        if (prefix > tokens)
            throw new InputException($"numerics.prefix_tokens: {prefix} prefix tokens but the layer has only s = {tokens}");
        return descriptor.Plan(numerics, prefix, tokens - prefix, Math.Max(0, numerics.HiTokens - prefix));
    }

    /// <summary>Plans and builds the golden transform for <paramref name="tokens"/> tokens.</summary>
    /// <exception cref="InputException">An unknown transform, or the shape does not suit it.</exception>
    public ISequenceTransform Create(NumericsConfig numerics, int tokens, ExecutionOptions options)
    {
        var plan = Plan(numerics, tokens);
        var inner = plan.Transform.Create(plan, options);
        return plan.PrefixTokens == 0 ? inner : new PrefixedTransform(plan.PrefixTokens, inner);
    }

    /// <summary>
    /// Builds the transforms of a batch of independent sequences: each its own <see cref="Create(NumericsConfig, int, ExecutionOptions)"/>
    /// (one per distinct length), a single sequence's transform unwrapped.
    /// </summary>
    /// <exception cref="InputException">An unknown transform, or a sequence's shape does not suit it.</exception>
    public ISequenceTransform Create(NumericsConfig numerics, SequenceBatch batch, ExecutionOptions options)
    {
        if (batch.Count == 1) return Create(numerics, batch.Tokens, options);
        var byLength = new Dictionary<int, ISequenceTransform>();
        var transforms = batch.Lengths.Select(l => byLength.TryGetValue(l, out var t) ? t : byLength[l] = Create(numerics, l, options)).ToList();
        return new SequenceBatchTransform(batch, transforms);
    }
}
