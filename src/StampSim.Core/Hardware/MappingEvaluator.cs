namespace StampSim.Hardware;

/// <summary>
/// Evaluates one mapping of one layer on one accelerator: buffer fit, DRAM and SRAM traffic, unit and
/// memory times, total cycles (through the <see cref="ICycleModel"/>) and energy. Everything that no
/// mapping changes is resolved once in the constructor, so the <see cref="Mapper"/>'s search stays cheap.
/// The equations are documented in <c>docs/cost-model.md</c>.
/// </summary>
internal sealed class MappingEvaluator
{
    private readonly Workload _w;
    private readonly MacArrayConfig _mac;
    private readonly AcceleratorConfig _hw;
    private readonly ICycleModel _cycles;
    private readonly BufferRoles _roles;
    private readonly EnergyPrices _prices;
    private readonly int[] _reductionTiles;
    private readonly bool _overlapped;
    private readonly double _weightLoad;

    public MappingEvaluator(Workload w, MacArrayConfig mac, AcceleratorConfig hw)
    {
        _w = w;
        _mac = mac;
        _hw = hw;
        _cycles = CycleModels.For(hw.CycleModel);
        _weightLoad = hw.WeightLoadBandwidth(mac);
        _roles = BufferRoles.Of(hw.Buffers);
        _prices = new EnergyPrices(hw.Energy, hw.Buffers);
        _reductionTiles = Mapper.Candidates(mac.Rows, w.Shape.Features, 1).Reverse().ToArray();
        _overlapped = hw.Buffers.All(b => b.DoubleBuffered);
        Work = FixedWork();
    }

    /// <summary>The work no tiling changes.</summary>
    public WorkCounts Work { get; }

    /// <summary>The layer.</summary>
    public Workload Workload => _w;

    /// <summary>The MAC array.</summary>
    public MacArrayConfig Mac => _mac;

    /// <summary>Features the DWT unit's buffer holds for a block of <paramref name="blockTokens"/> tokens.</summary>
    public int DwtFeatureTile(int blockTokens)
    {
        long perFeature = (long)blockTokens * NumberFormats.Bytes(_hw.DwtUnit.Format);
        long features = _w.Plan.Kind == Numerics.SequenceTransformKind.None ? _w.Shape.Features : _hw.DwtUnit.Buffer / perFeature;
        return (int)Math.Min(Math.Max(_w.Shape.Features, _w.Shape.Outputs), features);
    }

    private WorkCounts FixedWork()
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var (adds, muls) = _w.Plan.OperationsPerColumn();
        double hadamard = _w.Numerics.FeatureTransform == Numerics.FeatureTransformKind.Hadamard ? (double)s * d * Math.Log2(d) : 0;
        double hadamardMuls = hadamard > 0 ? (double)s * d : 0;
        var (hi, lo) = (TokenMode.For(_w.Numerics.HiBits, _mac), TokenMode.For(_w.Numerics.LoBits, _mac));
        int weightPasses = _w.WeightPasses(_mac);
        double macsHi = (double)_w.HiTokens * d * n * weightPasses, macsLo = (double)_w.LoTokens * d * n * weightPasses;
        double epilogueOps = (double)s * n * (5 * _w.Groups + (_w.Groups - 1) + (shape.HasBias ? 1 : 0));
        return new WorkCounts
        {
            DwtAdd = (double)adds * (d + n) + hadamard,
            DwtMul = (double)muls * (d + n) + hadamardMuls,
            DwtForward = Ceil(((double)adds * d + hadamard) / _hw.DwtUnit.Lanes),
            DwtInverse = Ceil((double)adds * n / _hw.DwtUnit.Lanes),
            QuantOps = 4.0 * s * d + 2.0 * s * _w.Groups,
            Quantizer = Ceil(2.0 * s * d / _hw.Quantizer.Lanes),
            EpilogueOps = epilogueOps,
            Epilogue = Ceil(epilogueOps / _hw.Epilogue.Lanes),
            MacInt8 = (hi.Wide ? macsHi : 0) + (lo.Wide ? macsLo : 0),
            MacInt4 = (hi.Wide ? 0 : macsHi) + (lo.Wide ? 0 : macsLo),
            BusyPeCycles = macsHi * (hi.Passes * _mac.Cols / (double)hi.Cols) + macsLo * (lo.Passes * _mac.Cols / (double)lo.Cols),
            Latency = (long)Math.Ceiling(_hw.Dram.LatencyNs * _hw.ClockGhz),
        };
    }

    /// <summary>The cost of one tiling, or null when its tiles do not fit the buffers.</summary>
    public MappingCost? Evaluate(LoopOrder order, int tm, int tn, int dwtFeatures)
    {
        var shape = _w.Shape;
        int s = shape.Tokens, n = shape.Outputs;
        int tokenTiles = (s + tm - 1) / tm, outputTiles = (n + tn - 1) / tn;
        if (Choose(order, tm, tn, outputTiles) is not { } fit) return null;

        var dram = Dram(fit, tokenTiles, outputTiles);
        long dramCycles = (long)Math.Ceiling((dram.Read + dram.Write) / _hw.DramBytesPerCycle);
        var gemm = _cycles.Gemm(_w, _mac, new GemmTiles(tm, tn, fit.Tk), _weightLoad);
        var sram = Sram(tokenTiles, outputTiles, dram);

        // Time: pipelined units, memory overlapped when every buffer is double buffered.
        var work = Work;
        long transform = work.DwtForward + work.DwtInverse;
        long computeBound = Math.Max(Math.Max(transform, work.Quantizer), Math.Max(gemm.Total, work.Epilogue));
        long busiestBuffer = BusiestBufferCycles(sram, out int busiest);
        long memoryBound = Math.Max(dramCycles, busiestBuffer);
        // Units stream at the transform's block granularity: only the first block's pre-processing
        // and the last block's post-processing are not hidden (a global DCT/WHT block is the whole sequence).
        double block = Math.Min(tm, Math.Max(1, _w.Plan.BlockTokens + _w.Plan.PrefixTokens)) / (double)s;
        long fill = (long)Math.Ceiling((work.DwtForward + work.Quantizer + work.Epilogue + work.DwtInverse) * block) + work.Latency;
        var times = new StageTimes(computeBound, memoryBound, fill, gemm.Total, _overlapped);
        var energy = EnergyBreakdown.Of(work, dram, sram, _roles, _prices);
        // What limits the layer: the busiest of the array (streaming, or loading weights it cannot hide), the units and the memories.
        var bound = new[]
        {
            (gemm.Load > gemm.Total - gemm.Load ? Bounds.WeightLoad : Bounds.Compute, gemm.Total),
            (CostStages.SequenceTransform, transform), (CostStages.Quantizer, work.Quantizer), (CostStages.Epilogue, work.Epilogue),
            (Bounds.Dram, dramCycles), (CostStages.SramPrefix + _hw.Buffers[busiest].Name, busiestBuffer),
        }.MaxBy(b => b.Item2).Item1;
        return new MappingCost(new Mapping(order, tm, tn, fit.Tk, dwtFeatures), tokenTiles, outputTiles, dram, sram, gemm,
            dramCycles, times, _cycles.Total(times), energy, bound);
    }

    /// <summary>
    /// The largest reduction tile for which the tiles of <paramref name="order"/> fit the buffers, preferring
    /// what moves less DRAM traffic (a resident activation panel, resident weights, held partial sums);
    /// every cost is non-increasing in the reduction tile, so the largest that fits is the best of its kind.
    /// </summary>
    private Fit? Choose(LoopOrder order, int tm, int tn, int outputTiles)
    {
        int s = _w.Shape.Tokens, d = _w.Shape.Features;
        double panel = _w.ActivationBytesOf(0, tm);
        double weightPanel = (double)_w.WeightBytes / _w.Shape.Outputs * tn;
        double acc = 4.0 * tm * tn * (_w.Groups > 1 ? 2 : 1);
        double Act(int k) => panel * k / d;
        double Wt(int k) => weightPanel * k / d;
        switch (order)
        {
            case LoopOrder.ActivationsOuter:
                foreach (int k in _reductionTiles)
                    if (Fits(panel, Wt(k), acc)) return new Fit(k, false, !Fits(panel, _w.WeightBytes, acc), false);
                foreach (int k in _reductionTiles)
                    if (Fits(Act(k), Wt(k), acc)) return new Fit(k, true, !Fits(Act(k), _w.WeightBytes, acc), false);
                return null;
            case LoopOrder.WeightsOuter:
                foreach (int k in _reductionTiles)
                    if (Fits(Act(k), weightPanel, acc)) return new Fit(k, outputTiles > 1 || k < d, false, false);
                foreach (int k in _reductionTiles)
                    if (Fits(Act(k), Wt(k), acc)) return new Fit(k, true, true, false);
                return null;
            case LoopOrder.WeightTilesOuter:
                double held = acc * ((s + tm - 1) / tm);
                foreach (int k in _reductionTiles)
                    if (Fits(Act(k), Wt(k), held)) return new Fit(k, outputTiles > 1 || k < d, false, false);
                foreach (int k in _reductionTiles)
                    if (Fits(Act(k), Wt(k), acc)) return new Fit(k, outputTiles > 1 || k < d, false, k < d);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(order), order, null);
        }
    }

    /// <summary>A reduction tile that fits and what it costs in traffic: activations spilled, weights re-read per token tile, partial sums spilled.</summary>
    private readonly record struct Fit(int Tk, bool SpillActivations, bool WeightsPerTokenTile, bool SpillPartialSums);

    private DramTraffic Dram(in Fit fit, int tokenTiles, int outputTiles)
    {
        var shape = _w.Shape;
        double weightRead = (double)_w.WeightBytes * (fit.WeightsPerTokenTile ? tokenTiles : 1);
        double actWrite = fit.SpillActivations ? _w.ActivationBytes : 0, actRead = actWrite * outputTiles;
        long reductionTiles = (shape.Features + fit.Tk - 1) / fit.Tk;
        double psum = fit.SpillPartialSums ? 4.0 * shape.Tokens * shape.Outputs * _w.Groups * (reductionTiles - 1) : 0;
        return new DramTraffic(_w.InputBytes, actRead, actWrite, weightRead, _w.BiasBytes, _w.OutputBytes, psum, psum);
    }

    private SramTraffic Sram(int tokenTiles, int outputTiles, in DramTraffic dram)
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var df = _mac.Dataflow;
        int kFolds = (d + _mac.Rows - 1) / _mac.Rows;
        double acc = 4.0 * s * n * _w.Groups, yt = 4.0 * s * n, yio = (double)s * n * _w.IoBytes;
        // A streamed operand is read once per fold of the dimension it does not span; a stationary one once per load.
        double actReuse = df.Stationary == TensorKind.Activations ? 1 : SpatialFolds(GemmAxis.Outputs, n);
        double weightReuse = df.Stationary == TensorKind.Weights ? tokenTiles : SpatialFolds(GemmAxis.Tokens, s);
        bool spill = dram.ActWrite > 0;
        var activations = new Traffic(_w.ActivationBytes * actReuse + (spill ? _w.ActivationBytes : 0), _w.ActivationBytes * (spill ? 1.0 + outputTiles : 1.0));
        var weights = new Traffic(_w.WeightBytes * weightReuse, dram.WeightRead);
        bool outputsStay = df.Stationary == TensorKind.Outputs;
        double psumReads = outputsStay ? 0 : acc * (kFolds - 1);
        double psumWrites = outputsStay ? acc : acc * kFolds;
        // Epilogue reads accumulators and writes yt; the inverse transform reads and rewrites yt; bias
        // writes Y in the io format, which the DRAM store reads back; spilled partial sums go out and come back.
        var outputs = new Traffic(psumReads + acc + yt + yio + dram.PsumWrite, psumWrites + yt + yt + yio + dram.PsumRead);
        return new SramTraffic(activations, weights, outputs);
    }

    private double SpatialFolds(GemmAxis axis, long extent)
    {
        var df = _mac.Dataflow;
        int lanes = df.Rows == axis ? _mac.Rows : df.Cols == axis ? _mac.Cols : 0;
        return lanes == 0 ? 1 : Math.Ceiling((double)extent / lanes);
    }

    // Read and write ports work in parallel: a buffer is busy for the longer of the two.
    private long BusiestBufferCycles(in SramTraffic sram, out int which)
    {
        double busiest = 0;
        which = 0;
        for (int b = 0; b < _hw.Buffers.Count; b++)
        {
            var t = sram.Of(b, _roles);
            double busy = Math.Max(t.Read / _hw.Buffers[b].ReadBandwidth, t.Write / _hw.Buffers[b].WriteBandwidth);
            if (busy > busiest) (busiest, which) = (busy, b);
        }
        return (long)Math.Ceiling(busiest);
    }

    private bool Fits(double act, double weights, double outputs)
    {
        for (int b = 0; b < _hw.Buffers.Count; b++)
        {
            double need = (b == _roles.Activations ? act : 0) + (b == _roles.Weights ? weights : 0) + (b == _roles.Outputs ? outputs : 0);
            if (need > _hw.Buffers[b].TileCapacity) return false;
        }
        return true;
    }

    private static long Ceil(double v) => (long)Math.Ceiling(v);
}
