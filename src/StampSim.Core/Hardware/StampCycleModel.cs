namespace StampSim.Hardware;

/// <summary>
/// StampSim's cycle model (<c>cycle_model: stamp</c>): token tiles of high- and low-precision tokens
/// on the array (<see cref="GemmCycles.Stamp"/>), units pipelined, memory overlapped with compute when
/// every buffer is double buffered, and the first and last transform blocks not hidden.
/// </summary>
internal sealed class StampCycleModel : ICycleModel
{
    public static StampCycleModel Instance { get; } = new();

    public GemmTime Gemm(Workload w, MacArrayConfig mac, int tileTokens)
    {
        int s = w.Shape.Tokens, hi = w.HiTokens;
        var time = default(GemmTime);
        // Tiles are of three kinds: all high-precision tokens, the one mixing both, and the rest.
        for (int t0 = 0; t0 < s;)
        {
            int t = Math.Min(tileTokens, s - t0);
            int h = Math.Clamp(hi - t0, 0, t);
            long count = 1;
            if (h == 0 || h == t)
            {
                // Identical tiles repeat until the precision changes or the last (partial) tile.
                int limit = h == t ? hi : s;
                count = Math.Max(1, (limit - t0) / tileTokens);
                if (t0 + count * tileTokens > s) count = (s - t0) / tileTokens;
                if (count == 0) count = 1;
            }
            time += Tile(w, mac, h, t - h, count);
            t0 += (int)(count * t);
        }
        return time;
    }

    public long Total(in StageTimes t) => (t.Overlapped ? Math.Max(t.ComputeBound, t.MemoryBound) : t.ComputeBound + t.MemoryBound) + t.Fill;

    /// <summary>
    /// GEMM cycles of <paramref name="count"/> identical token tiles with <paramref name="hi"/> high- and
    /// <paramref name="lo"/> low-precision tokens. Tokens of both precisions share a fold (one fill/drain)
    /// when they use the same columns and either the same passes or a weight-stationary array (where a
    /// wide token just streams for more cycles); otherwise they run as two GEMMs.
    /// </summary>
    private static GemmTime Tile(Workload w, MacArrayConfig mac, int hi, int lo, long count)
    {
        int d = w.Shape.Features, n = w.Shape.Outputs, wp = w.WeightPasses(mac);
        var (hiMode, loMode) = (TokenMode.For(w.Numerics.HiBits, mac), TokenMode.For(w.Numerics.LoBits, mac));
        bool shared = hi > 0 && lo > 0 && hiMode.Cols == loMode.Cols && (hiMode.Passes == loMode.Passes || mac.Dataflow == Dataflow.Ws);
        if (shared)
        {
            var (stream, skew) = GemmCycles.Stamp(mac.Dataflow, mac.Rows, loMode.Cols, hi + lo, d, n, wp);
            // Streaming splits by token share and precision passes (exact for ws, where tokens stream).
            double hiWork = (double)hi * hiMode.Passes, loWork = (double)lo * loMode.Passes;
            long hiStream = (long)Math.Round(stream * hiWork / (hi + lo));
            long loStream = (long)Math.Round(stream * loWork / (hi + lo));
            return new GemmTime(hiStream * count, loStream * count, skew * count);
        }
        var time = default(GemmTime);
        if (hi > 0)
        {
            var (stream, skew) = GemmCycles.Stamp(mac.Dataflow, mac.Rows, hiMode.Cols, hi, d, n, hiMode.Passes * wp);
            time += new GemmTime(stream * count, 0, skew * count);
        }
        if (lo > 0)
        {
            var (stream, skew) = GemmCycles.Stamp(mac.Dataflow, mac.Rows, loMode.Cols, lo, d, n, loMode.Passes * wp);
            time += new GemmTime(0, stream * count, skew * count);
        }
        return time;
    }
}
