using ILGPU.Runtime.Cuda;

namespace StampSim.Gpu.Arithmetic;

/// <summary>
/// Four-way byte dot product with 32-bit accumulation: <c>acc + Σ a[k]·b[k]</c> over the four bytes
/// of each word. On CUDA this is one <c>dp4a</c> instruction (inline PTX: ILGPU has no intrinsic);
/// elsewhere the same exact integer sum is taken byte by byte.
/// </summary>
public static class Dp4a
{
    /// <summary>Unsigned bytes of <paramref name="a"/> times signed bytes of <paramref name="b"/>.</summary>
    public static int UnsignedBySigned(int a, int b, int acc)
    {
        if (CudaAsm.IsSupported)
        {
            CudaAsm.Emit("dp4a.u32.s32 %0, %1, %2, %3;", out int r, a, b, acc);
            return r;
        }
        return acc + (a & 0xFF) * (sbyte)b + ((a >> 8) & 0xFF) * (sbyte)(b >> 8)
                   + ((a >> 16) & 0xFF) * (sbyte)(b >> 16) + ((a >> 24) & 0xFF) * (b >> 24);
    }

    /// <summary>Signed bytes of <paramref name="a"/> times signed bytes of <paramref name="b"/>.</summary>
    public static int SignedBySigned(int a, int b, int acc)
    {
        if (CudaAsm.IsSupported)
        {
            CudaAsm.Emit("dp4a.s32.s32 %0, %1, %2, %3;", out int r, a, b, acc);
            return r;
        }
        return acc + (sbyte)a * (sbyte)b + (sbyte)(a >> 8) * (sbyte)(b >> 8)
                   + (sbyte)(a >> 16) * (sbyte)(b >> 16) + (a >> 24) * (b >> 24);
    }
}
