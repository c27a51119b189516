using System.Collections.Immutable;
using StampSim.Numerics;

namespace StampSim.Gpu.Transforms;

/// <summary>
/// The sequence transforms the GPU has kernels for, keyed by the golden config names. Immutable;
/// a golden transform missing here is refused on the GPU with the list of those it can run.
/// </summary>
internal sealed class DeviceSequenceTransforms
{
    private readonly ImmutableList<IDeviceSequenceTransform> _kernels;

    private DeviceSequenceTransforms(ImmutableList<IDeviceSequenceTransform> kernels) => _kernels = kernels;

    /// <summary>Kernels for every built-in golden transform.</summary>
    public static DeviceSequenceTransforms BuiltIn { get; } = new(
        [new DeviceIdentity(), new DeviceHaar(), new DeviceHaar2d(), new DeviceDct(), new DeviceWht()]);

    /// <summary>The config names the GPU can run.</summary>
    public IReadOnlyList<string> Names => _kernels.Select(k => k.Kind.Name).ToArray();

    /// <summary>True when the GPU has kernels for <paramref name="kind"/>.</summary>
    public bool Contains(SequenceTransformKind kind) => _kernels.Exists(k => k.Kind == kind);

    /// <summary>The kernels of <paramref name="kind"/>.</summary>
    /// <exception cref="InputException">No kernels for that transform; the message lists those there are.</exception>
    public IDeviceSequenceTransform For(SequenceTransformKind kind) =>
        _kernels.Find(k => k.Kind == kind)
        ?? throw new InputException($"numerics.transform: the GPU has no kernels for sequence transform '{kind}' (it runs: {string.Join(", ", Names)})");
}
