using StampSim.Gpu.Runtime;

namespace StampSim.Tests.Support;

/// <summary>
/// The accelerators of <see cref="Accelerators.All"/>, each opened (with every kernel loaded) on first use and
/// shared by a test collection. A test asks for one with <see cref="Open"/>, which skips the test with the
/// reason when that accelerator is not on this machine.
/// </summary>
public sealed class AcceleratorFixture : IDisposable
{
    private readonly Dictionary<AcceleratorKind, Lazy<GpuDevice>> _devices =
        Accelerators.All.ToDictionary(k => k, k => new Lazy<GpuDevice>(() => GpuDevice.Open(k)));

    /// <summary>The device of <paramref name="kind"/>; skips the calling test, with the reason, when it is not available.</summary>
    public GpuDevice Open(AcceleratorKind kind)
    {
        if (kind == AcceleratorKind.Cuda)
            Skip.If(Cuda.SkipReason is not null, Cuda.SkipReason);
        return _devices[kind].Value;
    }

    public void Dispose()
    {
        foreach (var d in _devices.Values.Where(d => d.IsValueCreated))
            d.Value.Dispose();
    }
}

/// <summary>Tests that run kernels share the accelerators (and run one at a time: the CPU accelerator already uses every core).</summary>
[CollectionDefinition(Name)]
public sealed class AcceleratorCollection : ICollectionFixture<AcceleratorFixture>
{
    public const string Name = "accelerators";
}
