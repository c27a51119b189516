namespace StampSim.Hardware;

/// <summary>
/// StampSim's cycle model (<c>cycle_model: stamp</c>): the mapping's tiles of high- and low-precision
/// tokens fold onto the array (a tile narrower than the array occupies it as long as a full one), units
/// pipelined, memory overlapped with compute when every buffer is double buffered, and the first and last
/// transform blocks not hidden. On a weight-stationary array the weights enter the processing elements
/// through the load port: with double-buffered weight registers a fold costs the longer of streaming and
/// loading the next fold, and the pipeline fills and drains once per layer; single-buffered, every
/// fold loads, streams, fills and drains in turn (SCALE-Sim's fold, its R-cycle load at the port's rate).
/// </summary>
internal sealed class StampCycleModel : ICycleModel
{
    public static StampCycleModel Instance { get; } = new();

    public string Name => CycleModels.Stamp;

    public GemmTime Gemm(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad)
    {
        int s = w.Shape.Tokens, hi = w.HiTokens, tileTokens = tiles.Tokens;
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
            time += Tile(w, mac, tiles, weightLoad, h, t - h, count);
            t0 += (int)(count * t);
        }
        if (mac.Dataflow.Stationary == TensorKind.Weights && mac.DoubleBufferedWeights)
        {
            // The array never drains between folds: it fills once and waits once for the first fold's weights.
            double firstLoad = (double)mac.Rows * mac.Cols * w.WeightCodeBytes / ((double)w.Shape.Features * w.Shape.Outputs) / weightLoad;
            time += new GemmTime(0, 0, Dataflow.FillDrain(mac.Rows, mac.Cols), (long)Math.Ceiling(firstLoad));
        }
        return time;
    }

    public long Total(in StageTimes t) => (t.Overlapped ? Math.Max(t.ComputeBound, t.MemoryBound) : t.ComputeBound + t.MemoryBound) + t.Fill;

    public IEnumerable<(string Stage, long Cycles)> GemmStages(GemmTime gemm, Workload w)
    {
        // Each token group that exists is named by its width (both widths the same: one stage).
        var stages = new List<(string, long)>();
        if (w.HiTokens > 0) stages.Add((CostStages.GemmAt(w.Numerics.HiBits), gemm.Hi));
        if (w.LoTokens > 0) stages.Add((CostStages.GemmAt(w.Numerics.LoBits), gemm.Lo));
        stages.Add((CostStages.GemmFillDrain, gemm.Skew));
        stages.Add((CostStages.GemmWeightLoad, gemm.Load));
        return stages;
    }

    /// <summary>
    /// GEMM cycles of <paramref name="count"/> identical token tiles with <paramref name="hi"/> high- and
    /// <paramref name="lo"/> low-precision tokens. Tokens of both precisions share a fold (one weight load)
    /// when they use the same columns and either the same passes or tokens stream (where a wide token just
    /// streams for more cycles); otherwise they run as two GEMMs.
    /// </summary>
    private static GemmTime Tile(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad, int hi, int lo, long count)
    {
        int wp = w.WeightPasses(mac);
        var (hiMode, loMode) = (TokenMode.For(w.Numerics.HiBits, mac), TokenMode.For(w.Numerics.LoBits, mac));
        bool shared = hi > 0 && lo > 0 && hiMode.Cols == loMode.Cols && (hiMode.Passes == loMode.Passes || mac.Dataflow.Streamed == GemmAxis.Tokens);
        if (shared)
            return Folds(w, mac, tiles, weightLoad, hi, hiMode.Passes * wp, lo, loMode.Passes * wp, loMode.Cols, count);
        var time = default(GemmTime);
        if (hi > 0) time += Folds(w, mac, tiles, weightLoad, hi, hiMode.Passes * wp, 0, 0, hiMode.Cols, count);
        if (lo > 0) time += Folds(w, mac, tiles, weightLoad, 0, 0, lo, loMode.Passes * wp, loMode.Cols, count);
        return time;
    }

    /// <summary>
    /// The folds of one token tile of <paramref name="hi"/> and <paramref name="lo"/> tokens taking
    /// <paramref name="hiPasses"/> and <paramref name="loPasses"/> passes, on <paramref name="cols"/> columns,
    /// <paramref name="count"/> times.
    /// </summary>
    private static GemmTime Folds(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad, int hi, int hiPasses, int lo, int loPasses, int cols, long count)
    {
        var df = mac.Dataflow;
        int tokens = hi + lo;
        long folds = AxisFolds(df.Rows, w, tiles, tokens, mac.Rows) * AxisFolds(df.Cols, w, tiles, tokens, cols);
        // Streaming per fold: the tile's tokens, each at its passes, when tokens stream; else the streamed
        // dimension at the tokens' passes (the same for both groups of a shared fold), split by token share.
        double hiWork, loWork;
        if (df.Streamed == GemmAxis.Tokens)
            (hiWork, loWork) = ((double)hi * hiPasses, (double)lo * loPasses);
        else
        {
            double t = Dataflow.Extent(df.Streamed, tokens, w.Shape.Features, w.Shape.Outputs);
            (hiWork, loWork) = (t * hiPasses * hi / tokens, t * loPasses * lo / tokens);
        }
        double stream = hiWork + loWork, hiStream = folds * hiWork, loStream = folds * loWork;
        double load = 0, skew;
        if (df.Stationary == TensorKind.Weights)
        {
            // Every weight code enters the array once per token tile, spread evenly over the folds.
            double perFold = w.WeightCodeBytes / (double)folds / weightLoad;
            if (mac.DoubleBufferedWeights)
            {
                // Each fold's weights load while the previous fold streams (the first fill and load: see Gemm).
                load = folds * Math.Max(0, perFold - stream);
                skew = 0;
            }
            else
            {
                load = folds * perFold;
                skew = folds * Dataflow.FillDrain(mac.Rows, cols);
            }
        }
        else
        {
            skew = folds * df.FoldOverhead(mac.Rows, cols);
        }
        return new GemmTime((long)Math.Round(hiStream * count), (long)Math.Round(loStream * count), (long)skew * count, (long)Math.Ceiling(load * count));
    }

    /// <summary>Folds along the dimension <paramref name="axis"/> spread over <paramref name="lanes"/> lanes, under the mapping's tiles.</summary>
    private static long AxisFolds(GemmAxis axis, Workload w, GemmTiles tiles, int tokens, int lanes) => axis switch
    {
        GemmAxis.Tokens => (tokens + lanes - 1) / lanes,
        GemmAxis.Reduction => GemmCycles.TiledFolds(w.Shape.Features, tiles.Reduction, lanes),
        GemmAxis.Outputs => GemmCycles.TiledFolds(w.Shape.Outputs, tiles.Outputs, lanes),
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, null),
    };
}
