namespace StampSim.Hardware;

/// <summary>
/// StampSim's cycle model (<c>cycle_model: stamp</c>): the mapping's tiles of high- and low-precision
/// tokens fold onto the array (a tile narrower than the array occupies it as long as a full one), units
/// pipelined, memory overlapped with compute when every buffer is double buffered, and the first and last
/// transform blocks not hidden. On a weight-stationary array the weights enter the processing elements
/// through the load port: with double-buffered weight registers a fold costs the longer of streaming and
/// loading the next fold, and the pipeline fills and drains once per layer; single-buffered, every
/// fold loads, streams, fills and drains in turn (SCALE-Sim's fold, its R-cycle load at the port's rate).
/// The first and last folds are as the RTL of the whole array runs them (docs/rtl.md, "Cycles against the
/// cost model"): streaming starts once the first weights are in, and the last fold drains its own columns.
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
        if (mac.Dataflow.Stationary == TensorKind.Weights)
        {
            // The GEMM ends when its last fold's last partial sum leaves the array: that fold drains only the
            // columns it uses, and no later fold's weights load behind it. With double-buffered weights the
            // array fills and drains once, and streaming starts as soon as the first fold's first weights are in.
            var last = LastFold(w, mac, tiles, weightLoad);
            if (mac.DoubleBufferedWeights)
                time += new GemmTime(0, 0, Dataflow.FillDrain(mac.Rows, last.Columns),
                    FirstFoldWait(mac, tiles, w, weightLoad) - (long)Math.Floor(Math.Max(0, last.PerFoldLoad - last.Stream)));
            else
                time += new GemmTime(0, 0, last.Columns - mac.Cols, 0);
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
        if (SharesFolds(hi, lo, hiMode, loMode, mac))
            return Folds(w, mac, tiles, weightLoad, hi, hiMode.Passes * wp, lo, loMode.Passes * wp, loMode.Cols, count);
        var time = default(GemmTime);
        if (hi > 0) time += Folds(w, mac, tiles, weightLoad, hi, hiMode.Passes * wp, 0, 0, hiMode.Cols, count);
        if (lo > 0) time += Folds(w, mac, tiles, weightLoad, 0, 0, lo, loMode.Passes * wp, loMode.Cols, count);
        return time;
    }

    /// <summary>
    /// True when a tile's <paramref name="hi"/> high- and <paramref name="lo"/> low-precision tokens share its folds
    /// (one weight load): both present, on the same columns, and with the same passes or streaming tokens.
    /// </summary>
    private static bool SharesFolds(int hi, int lo, TokenMode hiMode, TokenMode loMode, MacArrayConfig mac) =>
        hi > 0 && lo > 0 && hiMode.Cols == loMode.Cols && (hiMode.Passes == loMode.Passes || mac.Dataflow.Streamed == GemmAxis.Tokens);

    /// <summary>
    /// The folds of one token tile of <paramref name="hi"/> and <paramref name="lo"/> tokens taking
    /// <paramref name="hiPasses"/> and <paramref name="loPasses"/> passes, on <paramref name="cols"/> columns,
    /// <paramref name="count"/> times.
    /// </summary>
    private static GemmTime Folds(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad, int hi, int hiPasses, int lo, int loPasses, int cols, long count)
    {
        var df = mac.Dataflow;
        var f = Work(w, mac, tiles, weightLoad, hi, hiPasses, lo, loPasses, cols);
        double hiStream = f.Folds * f.HiWork, loStream = f.Folds * f.LoWork;
        double load = 0, skew;
        if (df.Stationary == TensorKind.Weights)
        {
            if (mac.DoubleBufferedWeights)
            {
                // Each fold's weights load while the previous fold streams (the first and the last fold: see Gemm).
                load = f.Folds * Math.Max(0, f.PerFoldLoad - f.Stream);
                skew = 0;
            }
            else
            {
                // The array is idle while a fold loads: the port's cycles are whole. The wavefront crosses every
                // physical column, paired ones included.
                load = f.Folds * Math.Ceiling(f.PerFoldLoad);
                skew = f.Folds * Dataflow.FillDrain(mac.Rows, mac.Cols);
            }
        }
        else
        {
            skew = f.Folds * df.FoldOverhead(mac.Rows, cols);
        }
        return new GemmTime((long)Math.Round(hiStream * count), (long)Math.Round(loStream * count), (long)skew * count, (long)Math.Ceiling(load * count));
    }

    /// <summary>
    /// One fold of a token tile: how many there are, the streaming of each (the tile's tokens, each at its
    /// passes, when tokens stream; else the streamed dimension at the tokens' passes split by token share),
    /// and, weight stationary, the cycles its weights take on the load port (every weight code enters once per
    /// token tile, spread evenly over the folds).
    /// </summary>
    private static FoldWork Work(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad, int hi, int hiPasses, int lo, int loPasses, int cols)
    {
        var df = mac.Dataflow;
        int tokens = hi + lo;
        long folds = AxisFolds(df.Rows, w, tiles, tokens, mac.Rows) * AxisFolds(df.Cols, w, tiles, tokens, cols);
        double hiWork, loWork;
        if (df.Streamed == GemmAxis.Tokens)
            (hiWork, loWork) = ((double)hi * hiPasses, (double)lo * loPasses);
        else
        {
            double t = Dataflow.Extent(df.Streamed, tokens, w.Shape.Features, w.Shape.Outputs);
            (hiWork, loWork) = (t * hiPasses * hi / tokens, t * loPasses * lo / tokens);
        }
        return new FoldWork(folds, hiWork, loWork, w.WeightCodeBytes / (double)folds / weightLoad);
    }

    /// <summary>The folds of one token tile: count, streaming of each by token group, and load cycles of each.</summary>
    private readonly record struct FoldWork(long Folds, double HiWork, double LoWork, double PerFoldLoad)
    {
        public double Stream => HiWork + LoWork;
    }

    /// <summary>The GEMM's last fold: its streaming, its load, and the physical columns its channels occupy.</summary>
    private static (double Stream, double PerFoldLoad, int Columns) LastFold(Workload w, MacArrayConfig mac, GemmTiles tiles, double weightLoad)
    {
        int s = w.Shape.Tokens, t0 = (s - 1) / tiles.Tokens * tiles.Tokens;
        int hi = Math.Clamp(w.HiTokens - t0, 0, s - t0), lo = s - t0 - hi;
        int wp = w.WeightPasses(mac);
        var (hiMode, loMode) = (TokenMode.For(w.Numerics.HiBits, mac), TokenMode.For(w.Numerics.LoBits, mac));
        // The tile's folds run its high-precision tokens first: the last fold is a low-precision one whenever it has any.
        var (h, l, mode) = SharesFolds(hi, lo, hiMode, loMode, mac) ? (hi, lo, loMode) : lo > 0 ? (0, lo, loMode) : (hi, 0, hiMode);
        var f = Work(w, mac, tiles, weightLoad, h, hiMode.Passes * wp, l, loMode.Passes * wp, mode.Cols);
        int n = w.Shape.Outputs, lastTile = n - (n - 1) / tiles.Outputs * tiles.Outputs;
        int channels = lastTile - (lastTile - 1) / mode.Cols * mode.Cols;
        return (f.Stream, f.PerFoldLoad, channels * (mac.Cols / mode.Cols));
    }

    /// <summary>
    /// Cycles before the first fold can stream, double buffered: the loader fills the first fold's processing
    /// elements in the order the wavefront reaches them (anti-diagonals), so the wavefront waits only until no
    /// diagonal would arrive before its weights: at least the cycle that writes the first one.
    /// </summary>
    private static long FirstFoldWait(MacArrayConfig mac, GemmTiles tiles, Workload w, double weightLoad)
    {
        var mode = TokenMode.For(w.HiTokens > 0 ? w.Numerics.HiBits : w.Numerics.LoBits, mac);
        int rows = Math.Min(mac.Rows, Math.Min(tiles.Reduction, w.Shape.Features));
        int channels = Math.Min(mode.Cols, Math.Min(tiles.Outputs, w.Shape.Outputs)), pairs = mac.Cols / mode.Cols, cols = channels * pairs;
        double codesPerCycle = weightLoad * CodePacking.PerByte(w.Numerics.WeightBits) * pairs;   // a fused pair shares one code
        long wait = 1;
        double written = 0;
        for (int d = 0; d <= rows + cols - 2; d++)
        {
            written += Math.Min(d, rows - 1) - Math.Max(0, d - cols + 1) + 1;
            wait = Math.Max(wait, (long)Math.Ceiling(written / codesPerCycle - 1e-9) - d);
        }
        return wait;
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
