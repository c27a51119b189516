using StampSim.Numerics;
using StampSim.Quantization;

namespace StampSim.Gemm;

/// <summary>
/// Stages 3 and 4: the integer GEMM on the MAC array fused with the dequantisation epilogue.
/// When <see cref="OverflowBound"/> holds, each group's exact sum is taken in one pass
/// (fast path); otherwise the reduction is emulated chunk by chunk in the array's order with
/// tree and accumulator range checks. Both give the same bits whenever no value overflows.
/// </summary>
public static unsafe class IntegerGemm
{
    private const int TileRows = 16 * MicroKernels.Mr;   // tokens per parallel tile
    private const int TilePanels = 16;                   // 256 output channels per parallel tile
    private const int MaxFastSegment = 65536;            // keeps 32-bit kernel sums of offset codes exact

    /// <summary>
    /// Computes <paramref name="yt"/> (s x n, before the inverse transform and bias). When
    /// <paramref name="accumulators"/> is given (s x groups x n), the final accumulator values are stored too.
    /// </summary>
    public static GemmOutcome Multiply(QuantizedActivations x, QuantizedWeights w, MacArray mac, ExecutionOptions options,
        Span<float> yt, long[]? accumulators = null)
    {
        int s = x.Tokens, d = x.Features, n = w.Outputs, group = x.GroupSize, groups = x.Groups;
        if (w.Features != d || w.GroupSize != group)
            throw new ArgumentException("activation and weight shapes disagree");
        if (yt.Length != s * n)
            throw new ArgumentException("output has the wrong size");
        bool fast = !options.ForceOrderedGemm && group <= MaxFastSegment &&
                    OverflowBound.CannotOverflow(mac, x, w);
        var segments = Segments.Cut(d, group, fast ? group : mac.Rows);
        var packed = PackedOperands.Pack(x, w, segments, options);
        var kernelKind = MicroKernels.Resolve(options.Kernel, w.Bits);
        var kernel = MicroKernels.Select(kernelKind, w.Bits);

        int panels = packed.Panels;
        var sw = new float[panels * MicroKernels.Nr];
        w.Scale.CopyTo(sw, 0);
        var rsw = new float[groups * panels * MicroKernels.Nr];
        for (int g = 0; g < groups; g++)
            for (int ch = 0; ch < n; ch++)
                rsw[g * panels * MicroKernels.Nr + ch] = DequantEpilogue.RowSumScale(w.RowSum[g * n + ch], w.Scale[ch]);

        // The ordered emulation's 32-bit paths (RangeChecks and the OptimisticOrderedKernel try) take the
        // code offset's corrections, offset times weight sum, laid out like the weight sums.
        bool optimistic = !fast && (kernelKind is GemmKernel.AvxVnni or GemmKernel.Avx512Bw) && OptimisticOrderedKernel.IsSupported && RangeChecks.Applies(mac);
        int[]? corrections = !fast && RangeChecks.Applies(mac) && x.CodeOffset != 0 ? new int[packed.SegmentWeightSums.Length] : null;
        if (corrections is not null)
            for (int k = 0; k < corrections.Length; k++) corrections[k] = x.CodeOffset * packed.SegmentWeightSums[k];

        int rowTiles = (s + TileRows - 1) / TileRows;
        int panelTiles = (panels + TilePanels - 1) / TilePanels;
        long treeEvents = 0, accEvents = 0;
        fixed (float* yPtr = yt)
        fixed (byte* aBase = packed.A)
        fixed (sbyte* bBase = packed.B)
        {
            var yAddr = (nint)yPtr;
            var aAddr = (nint)aBase;
            var bAddr = (nint)bBase;
            var job = new TileJob(x, w, mac, packed, segments, kernel, fast, kernelKind == GemmKernel.Avx512Bw, optimistic,
                !OverflowBound.ChunkCannotOverflow(mac, x, w), corrections, sw, rsw, accumulators);
            Parallel.For(0, rowTiles * panelTiles, options.Parallel, tile =>
            {
                var (tree, acc) = job.Run(tile / panelTiles, tile % panelTiles, (byte*)aAddr, (sbyte*)bAddr, (float*)yAddr);
                if (tree != 0) Interlocked.Add(ref treeEvents, tree);
                if (acc != 0) Interlocked.Add(ref accEvents, acc);
            });
        }
        return new GemmOutcome(fast, kernelKind, new OverflowEvents(treeEvents, accEvents));
    }

    private sealed class TileJob(QuantizedActivations x, QuantizedWeights w, MacArray mac, PackedOperands packed, Segment[] segments,
        MicroKernels.Kernel kernel, bool fast, bool pairs, bool optimistic, bool checkTree, int[]? corrections, float[] sw, float[] rsw, long[]? accumulators)
    {
        public (long Tree, long Acc) Run(int rowTile, int panelTile, byte* aBase, sbyte* bBase, float* y)
        {
            const int mr = MicroKernels.Mr, nr = MicroKernels.Nr;
            int s = x.Tokens, n = w.Outputs, groups = x.Groups, lda = packed.RowBytes, panels = packed.Panels;
            int offset = x.CodeOffset;
            long treeEvents = 0, accEvents = 0;
            int* c = stackalloc int[mr * nr];
            long* acc = stackalloc long[mr * nr];
            int* accI = stackalloc int[mr * nr];
            int* correction = stackalloc int[nr];
            new Span<int>(correction, nr).Clear();
            bool vectorRanges = !fast && RangeChecks.Applies(mac);
            Span<float> accF = stackalloc float[nr];
            Span<float> yTile = stackalloc float[mr * nr];
            int p0 = panelTile * TilePanels, p1 = Math.Min(panels, p0 + TilePanels);
            int i0 = rowTile * TileRows, i1 = Math.Min(packed.PaddedTokens, i0 + TileRows);
            for (int p = p0; p < p1; p++)
            {
                // Two full panels at once where the 512-bit kernel can share each activation broadcast.
                if (fast && pairs && p + 1 < p1 && (p + 2) * nr <= n)
                {
                    RunPair(p, i0, i1, aBase, bBase, y, c, acc, accF, yTile);
                    p++;
                    continue;
                }
                int n0 = p * nr;
                int lanes = Math.Min(nr, n - n0);
                sbyte* bPanel = bBase + (long)p * packed.PanelBytes;
                for (int i = i0; i < i1 && i < s; i += mr)
                {
                    int rows = Math.Min(mr, s - i);
                    byte* aTile = aBase + (long)i * lda;
                    int si = 0;
                    for (int g = 0; g < groups; g++)
                    {
                        if (fast)
                        {
                            var seg = segments[si++];
                            kernel(aTile + 4 * seg.K4Offset, lda, bPanel + 64 * seg.K4Offset, seg.K4Count, c);
                            RemoveOffset(c, packed.WeightSums(p, si - 1), rows, lanes, acc);
                        }
                        else if (vectorRanges && TryOptimistic(aTile, lda, bPanel, p, si, accI) is var next && next >= 0)
                        {
                            si = next;
                            for (int k = 0; k < rows * nr; k++) acc[k] = accI[k];
                        }
                        else if (vectorRanges)
                        {
                            for (int k = 0; k < mr * nr; k++) accI[k] = 0;
                            Segment seg;
                            do
                            {
                                seg = segments[si];
                                kernel(aTile + 4 * seg.K4Offset, lda, bPanel + 64 * seg.K4Offset, seg.K4Count, c);
                                if (corrections is not null)   // else the offset is 0 and the buffer stays zero
                                    corrections.AsSpan((p * segments.Length + si) * nr, nr).CopyTo(new Span<int>(correction, nr));
                                RangeChecks.Step(c, accI, correction, rows, lanes, mac.Tree, mac.Accumulator, ref treeEvents, ref accEvents);
                                si++;
                            } while (!seg.LastInGroup);
                            for (int k = 0; k < rows * nr; k++) acc[k] = accI[k];
                        }
                        else
                        {
                            for (int k = 0; k < rows * nr; k++) acc[k] = 0;
                            Segment seg;
                            do
                            {
                                seg = segments[si];
                                kernel(aTile + 4 * seg.K4Offset, lda, bPanel + 64 * seg.K4Offset, seg.K4Count, c);
                                var sums = packed.WeightSums(p, si);
                                for (int r = 0; r < rows; r++)
                                {
                                    for (int l = 0; l < lanes; l++)
                                    {
                                        long chunk = c[r * nr + l] - (long)offset * sums[l];
                                        chunk = mac.Tree.Bring(chunk, ref treeEvents);
                                        acc[r * nr + l] = mac.Accumulator.Bring(acc[r * nr + l] + chunk, ref accEvents);
                                    }
                                }
                                si++;
                            } while (!seg.LastInGroup);
                        }
                        Dequantize(acc, i, rows, g, n0, lanes, accF, yTile, y);
                    }
                    if (lanes < nr)
                        for (int r = 0; r < rows; r++)
                            yTile.Slice(r * nr, lanes).CopyTo(new Span<float>(y + (long)(i + r) * n + n0, lanes));
                }
            }
            return (treeEvents, accEvents);
        }

        // The fast path for full panels p and p + 1: one kernel call per group fills both 6 x 16 blocks.
        private void RunPair(int p, int i0, int i1, byte* aBase, sbyte* bBase, float* y, int* c, long* acc, Span<float> accF, Span<float> yTile)
        {
            const int mr = MicroKernels.Mr, nr = MicroKernels.Nr;
            int s = x.Tokens, lda = packed.RowBytes;
            int* c1 = stackalloc int[mr * nr];
            sbyte* b0 = bBase + (long)p * packed.PanelBytes, b1 = b0 + packed.PanelBytes;
            for (int i = i0; i < i1 && i < s; i += mr)
            {
                int rows = Math.Min(mr, s - i);
                byte* aTile = aBase + (long)i * lda;
                for (int g = 0; g < x.Groups; g++)
                {
                    var seg = segments[g];
                    MicroKernels.Avx512BwPairKernel(aTile + 4 * seg.K4Offset, lda, b0 + 64 * seg.K4Offset, b1 + 64 * seg.K4Offset, seg.K4Count, c, c1);
                    for (int half = 0; half < 2; half++)
                    {
                        RemoveOffset(half == 0 ? c : c1, packed.WeightSums(p + half, g), rows, nr, acc);
                        Dequantize(acc, i, rows, g, (p + half) * nr, nr, accF, yTile, y);
                    }
                }
            }
        }

        // A whole group's kernel sums less the activation code offset times the group's weight sums: the exact accumulators.
        private void RemoveOffset(int* c, ReadOnlySpan<int> sums, int rows, int lanes, long* acc)
        {
            const int nr = MicroKernels.Nr;
            long offset = x.CodeOffset;
            for (int r = 0; r < rows; r++)
                for (int l = 0; l < lanes; l++)
                    acc[r * nr + l] = c[r * nr + l] - offset * sums[l];
        }

        // The epilogue of one micro-tile and group: accumulators (kept when asked) dequantized into Y.
        private void Dequantize(long* acc, int i, int rows, int g, int n0, int lanes, Span<float> accF, Span<float> yTile, float* y)
        {
            const int nr = MicroKernels.Nr;
            int n = w.Outputs, groups = x.Groups, panels = packed.Panels;
            for (int r = 0; r < rows; r++)
            {
                int token = i + r;
                for (int l = 0; l < nr; l++) accF[l] = l < lanes ? acc[r * nr + l] : 0f;
                if (accumulators is not null)
                    for (int l = 0; l < lanes; l++)
                        accumulators[((long)token * groups + g) * n + n0 + l] = acc[r * nr + l];
                // A full panel writes straight into Y; a partial one (past n) goes through the tile.
                var dst = lanes == nr ? new Span<float>(y + (long)token * n + n0, nr) : yTile.Slice(r * nr, nr);
                DequantEpilogue.Apply16(accF, x.Scale[token * groups + g], x.Offset[token * groups + g],
                    sw.AsSpan(n0, nr), rsw.AsSpan(g * panels * nr + n0, nr), dst, g == 0);
            }
        }

        // Both halves of the micro-tile through the optimistic kernel; the next group's first segment, or -1 to redo the group.
        private int TryOptimistic(byte* aTile, int lda, sbyte* bPanel, int panel, int first, int* accI)
        {
            if (!optimistic) return -1;
            fixed (int* corr = corrections)
            {
                int* panelCorrections = corr == null ? null : corr + (long)panel * segments.Length * MicroKernels.Nr;
                int next = -1;
                for (int h = 0; h < MicroKernels.Mr; h += OptimisticOrderedKernel.Rows)
                {
                    next = OptimisticOrderedKernel.TryGroup(aTile + (long)h * lda, lda, bPanel, segments, first, panelCorrections,
                        checkTree, mac.Tree, mac.Accumulator, accI + h * MicroKernels.Nr);
                    if (next < 0) return -1;
                }
                return next;
            }
        }
    }
}
