using ILGPU;
using ILGPU.Runtime.Cuda;

namespace StampSim.Gpu.Runtime;

/// <summary>What the CUDA probe found: whether the driver library loads, and the CUDA devices ILGPU sees.</summary>
/// <param name="DriverError">Why <c>libcuda.so.1</c> did not load, or null when it did.</param>
/// <param name="Devices">One line per CUDA device ILGPU found.</param>
public sealed record CudaStatus(string? DriverError, IReadOnlyList<string> Devices)
{
    /// <summary>True when at least one CUDA device can be used.</summary>
    public bool Supported => Devices.Count > 0;

    /// <summary>Probes the driver and lists the devices of <paramref name="context"/> (built with CUDA enabled).</summary>
    public static CudaStatus Probe(Context context)
    {
        var devices = new List<string>();
        foreach (var dev in context.GetCudaDevices())
            devices.Add($"[{devices.Count}] {dev.Name} (sm_{dev.Architecture?.Major}{dev.Architecture?.Minor}, {dev.MemorySize / (1L << 20)} MiB, driver {dev.DriverVersion})");
        return new CudaStatus(CudaDriverResolver.TryLoadDriver(), devices);
    }

    /// <summary>Why no CUDA device is available, in one line (meaningful when <see cref="Supported"/> is false).</summary>
    public string Reason => DriverError is not null
        ? $"the CUDA driver library {CudaDriverResolver.DriverLibrary} could not be loaded or initialised ({DriverError})"
        : $"{CudaDriverResolver.DriverLibrary} loaded but ILGPU found no CUDA device";

    /// <summary>Report lines: driver, support, devices.</summary>
    public IEnumerable<string> Lines()
    {
        yield return DriverError is null
            ? $"cuda driver  {CudaDriverResolver.DriverLibrary} loaded"
            : $"cuda driver  {CudaDriverResolver.DriverLibrary} not loaded: {DriverError}";
        yield return $"cuda         supported: {(Supported ? "yes" : "no")}, {Devices.Count} device(s)";
        foreach (var d in Devices)
            yield return $"cuda device  {d}";
    }
}
