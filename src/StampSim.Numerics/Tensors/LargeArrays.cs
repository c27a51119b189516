using System.Runtime.InteropServices;

namespace StampSim.Tensors;

/// <summary>
/// The engine's large working arrays, written in full before they are read: allocated without
/// zeroing, and on Linux advised for transparent huge pages. A fresh 4 KB page costs a fault on first
/// touch, and at model scale (over 100 MB of fresh arrays per layer) those faults cost as much as the
/// integer GEMM; a 2 MB page takes one fault instead of 512. The advice changes no value.
/// </summary>
public static partial class LargeArrays
{
    private const int HugePage = 2 << 20;
    private const int AdviceHugePage = 14;   // MADV_HUGEPAGE

    /// <summary>An array of <paramref name="length"/> elements whose contents are undefined until written.</summary>
    public static unsafe T[] Uninitialized<T>(int length) where T : unmanaged
    {
        var array = GC.AllocateUninitializedArray<T>(length);
        long bytes = (long)length * sizeof(T);
        if (OperatingSystem.IsLinux() && bytes >= 2L * HugePage)
        {
            fixed (T* p = array)
            {
                long start = ((long)p + HugePage - 1) & ~(long)(HugePage - 1);
                long end = ((long)p + bytes) & ~(long)(HugePage - 1);
                // Advice only: where the kernel declines (THP off, no memory) or the C library lacks
                // the call, the pages stay small.
                if (end > start)
                {
                    try { _ = Madvise((nint)start, (nuint)(end - start), AdviceHugePage); }
                    catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { }
                }
            }
        }
        return array;
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(nint address, nuint length, int advice);
}
