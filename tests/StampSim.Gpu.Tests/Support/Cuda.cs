using StampSim.Gpu.Runtime;

namespace StampSim.Tests.Support;

/// <summary>
/// Whether this machine has a usable CUDA device, probed once per test run the way <c>--accelerator auto</c>
/// probes it. Shared by the GPU and CLI tests (linked into both), so both skip CUDA cases for the same reason.
/// </summary>
internal static class Cuda
{
    private static readonly Lazy<string?> Reason = new(Probe);

    /// <summary>Why no CUDA device can be used here, or null when one can.</summary>
    public static string? SkipReason => Reason.Value;

    private static string? Probe()
    {
        using var device = GpuDevice.Open(AcceleratorKind.Auto);
        return device.IsCuda ? null : $"no CUDA device: {device.FallbackReason}";
    }
}
