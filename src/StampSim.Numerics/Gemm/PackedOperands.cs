using StampSim.Numerics;
using StampSim.Quantization;
using StampSim.Tensors;

namespace StampSim.Gemm;

/// <summary>
/// GEMM operands laid out for the micro-kernels. Activations: rows padded to a multiple of
/// <see cref="MicroKernels.Mr"/>, each segment zero-padded to a multiple of 4 bytes. Weights:
/// panels of <see cref="MicroKernels.Nr"/> output channels; for every 4 reduction indices a
/// 64-byte block holding 4 codes of each of the 16 channels (the <c>vpdpbusd</c> operand order).
/// </summary>
public sealed class PackedOperands
{
    private PackedOperands(Segment[] segments, int tokens, int outputs, byte[] a, sbyte[] b, int[] segmentWeightSums)
    {
        Segments = segments;
        Tokens = tokens;
        Outputs = outputs;
        A = a;
        B = b;
        SegmentWeightSums = segmentWeightSums;
    }

    /// <summary>The reduction segments.</summary>
    public Segment[] Segments { get; }

    /// <summary>Tokens s.</summary>
    public int Tokens { get; }

    /// <summary>Output channels n.</summary>
    public int Outputs { get; }

    /// <summary>Packed activations.</summary>
    public byte[] A { get; }

    /// <summary>Packed weights.</summary>
    public sbyte[] B { get; }

    /// <summary>
    /// Sum of weight codes per channel and segment, for removing the activation code offset; laid out
    /// like the panels (panel, segment, lane: <c>[(p·segments + si)·Nr + lane]</c>, zero past n) so
    /// that a micro-tile reads its 16 values contiguously.
    /// </summary>
    public int[] SegmentWeightSums { get; }

    /// <summary>The 16 lanes of <see cref="SegmentWeightSums"/> for panel <paramref name="panel"/> and segment <paramref name="segment"/>.</summary>
    public ReadOnlySpan<int> WeightSums(int panel, int segment) =>
        SegmentWeightSums.AsSpan((panel * Segments.Length + segment) * MicroKernels.Nr, MicroKernels.Nr);

    /// <summary>Bytes per packed activation row.</summary>
    public int RowBytes => 4 * Gemm.Segments.TotalK4(Segments);

    /// <summary>Bytes per weight panel.</summary>
    public int PanelBytes => 64 * Gemm.Segments.TotalK4(Segments);

    /// <summary>Rows of the packed activations (tokens rounded up to the micro-tile).</summary>
    public int PaddedTokens => (Tokens + MicroKernels.Mr - 1) / MicroKernels.Mr * MicroKernels.Mr;

    /// <summary>Number of weight panels.</summary>
    public int Panels => (Outputs + MicroKernels.Nr - 1) / MicroKernels.Nr;

    /// <summary>Packs both operands for the given segments.</summary>
    public static PackedOperands Pack(QuantizedActivations x, QuantizedWeights w, Segment[] segments, ExecutionOptions options)
    {
        int k4 = Gemm.Segments.TotalK4(segments);
        int rowBytes = 4 * k4;
        int s = x.Tokens, d = x.Features, n = w.Outputs;
        int paddedTokens = (s + MicroKernels.Mr - 1) / MicroKernels.Mr * MicroKernels.Mr;
        // Both operands are written in full below; only padding (rows past s, channels past n, the
        // slack of segments whose length is not a multiple of 4) must be zero, and is cleared here.
        bool ragged = segments.Any(seg => seg.Length % 4 != 0);
        var a = LargeArrays.Uninitialized<byte>(checked(paddedTokens * rowBytes));
        if (ragged) a.AsSpan().Clear();
        else a.AsSpan(s * rowBytes).Clear();
        Parallel.For(0, s, options.Parallel, i =>
        {
            var src = x.Codes.AsSpan(i * d, d);
            var dst = a.AsSpan(i * rowBytes, rowBytes);
            foreach (var seg in segments)
                src.Slice(seg.Start, seg.Length).CopyTo(dst.Slice(4 * seg.K4Offset));
        });

        int panels = (n + MicroKernels.Nr - 1) / MicroKernels.Nr;
        int panelBytes = 64 * k4;
        var b = LargeArrays.Uninitialized<sbyte>(checked(panels * panelBytes));
        if (ragged) b.AsSpan().Clear();
        else if (n % MicroKernels.Nr != 0) b.AsSpan((panels - 1) * panelBytes).Clear();
        var sums = new int[(long)panels * segments.Length * MicroKernels.Nr];
        Parallel.For(0, panels, options.Parallel, p =>
        {
            var panel = b.AsSpan(p * panelBytes, panelBytes);
            for (int lane = 0; lane < MicroKernels.Nr; lane++)
            {
                int ch = p * MicroKernels.Nr + lane;
                if (ch >= n) break;
                var row = w.Codes.AsSpan(ch * d, d);
                for (int si = 0; si < segments.Length; si++)
                {
                    var seg = segments[si];
                    var src = row.Slice(seg.Start, seg.Length);
                    int full = seg.Length / 4;
                    // Whole groups of four codes move as one 32-bit word into the lane's slot of each 64-byte block.
                    var words = System.Runtime.InteropServices.MemoryMarshal.Cast<sbyte, int>(src[..(4 * full)]);
                    var dst = System.Runtime.InteropServices.MemoryMarshal.Cast<sbyte, int>(panel);
                    int baseWord = 16 * seg.K4Offset + lane;
                    for (int t = 0; t < full; t++) dst[baseWord + 16 * t] = words[t];
                    for (int j = 4 * full; j < seg.Length; j++)
                        panel[64 * (seg.K4Offset + j / 4) + 4 * lane + (j & 3)] = src[j];
                    sums[(p * segments.Length + si) * MicroKernels.Nr + lane] = CodeSums.Sum(src);
                }
            }
        });
        return new PackedOperands(segments, s, n, a, b, sums);
    }
}
