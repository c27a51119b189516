using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace StampSim.Gpu.Runtime;

/// <summary>
/// Lets ILGPU find the CUDA driver. ILGPU imports the library <c>"cuda"</c>, which .NET probes as
/// <c>libcuda.so</c> — a symlink only CUDA development installs provide — and a failed probe is
/// silent (zero CUDA devices). The resolver maps it to the driver's runtime name <c>libcuda.so.1</c>.
/// It is hooked on <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> because ILGPU may own
/// its assembly's <c>DllImportResolver</c> slot.
/// </summary>
public static class CudaDriverResolver
{
    /// <summary>The driver's file name on Linux.</summary>
    public const string DriverLibrary = "libcuda.so.1";

    /// <summary>Registers the resolver; calling it again leaves exactly one registration.</summary>
    public static void Register()
    {
        AssemblyLoadContext.Default.ResolvingUnmanagedDll -= Resolve;
        AssemblyLoadContext.Default.ResolvingUnmanagedDll += Resolve;
    }

    /// <summary>Tries to load the driver library; returns null on success, else why it failed (one line).</summary>
    public static string? TryLoadDriver()
    {
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(DriverLibrary));
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return LoaderError(e.Message);
        }
    }

    /// <summary>The loader's own words (dlerror), which .NET puts on the last line after a generic preamble.</summary>
    private static string LoaderError(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? message;

    private static IntPtr Resolve(Assembly assembly, string name) =>
        name == "cuda" && NativeLibrary.TryLoad(DriverLibrary, out var handle) ? handle : IntPtr.Zero;
}
