using StampSim.Gpu.Runtime;

namespace StampSim.Tests.Support;

/// <summary>One GPU-like CPU accelerator (warp 32, 256 threads per group) with every kernel loaded, shared by a test collection.</summary>
public sealed class CpuDeviceFixture : IDisposable
{
    public GpuDevice Device { get; } = GpuDevice.Open(AcceleratorKind.Cpu);

    public void Dispose() => Device.Dispose();
}

/// <summary>Tests that run kernels share one accelerator (and run one at a time: the CPU accelerator already uses every core).</summary>
[CollectionDefinition(Name)]
public sealed class CpuDeviceCollection : ICollectionFixture<CpuDeviceFixture>
{
    public const string Name = "cpu accelerator";
}
