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

    public MappingEvaluator(Workload w, MacArrayConfig mac, AcceleratorConfig hw)
    {
        _w = w;
        _mac = mac;
        _hw = hw;
        _cycles = ICycleModel.For(hw.CycleModel);
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
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        int tokenTiles = (s + tm - 1) / tm, outputTiles = (n + tn - 1) / tn;

        // Buffer fit: the largest reduction tile that fits; weights may fit whole.
        double weightsPerChannel = (double)_w.WeightBytes / n;
        double actTileFull = _w.ActivationBytesOf(0, tm);
        double outTile = 4.0 * tm * tn * (_w.Groups > 1 ? 2 : 1);
        int tk = -1;
        foreach (int k in _reductionTiles)
        {
            double act = order == LoopOrder.ActivationsOuter ? actTileFull : actTileFull * k / d;
            double wt = order == LoopOrder.ActivationsOuter ? weightsPerChannel * tn * k / d : weightsPerChannel * tn;
            if (Fits(act, wt, outTile))
            {
                tk = k;
                break;
            }
        }
        if (tk < 0) return null;

        var dram = Dram(order, tokenTiles, outputTiles, actTileFull, outTile);
        long dramCycles = (long)Math.Ceiling((dram.Read + dram.Write) / _hw.DramBytesPerCycle);
        var gemm = _cycles.Gemm(_w, _mac, tm);
        var sram = Sram(tokenTiles, outputTiles, dram);

        // Time: pipelined units, memory overlapped when every buffer is double buffered.
        var work = Work;
        long computeBound = Math.Max(Math.Max(work.DwtForward + work.DwtInverse, work.Quantizer), Math.Max(gemm.Total, work.Epilogue));
        long memoryBound = Math.Max(dramCycles, BusiestBufferCycles(sram));
        // Units stream at the transform's block granularity: only the first block's pre-processing
        // and the last block's post-processing are not hidden (a global DCT/WHT block is the whole sequence).
        double block = Math.Min(tm, Math.Max(1, _w.Plan.BlockTokens + _w.Plan.PrefixTokens)) / (double)s;
        long fill = (long)Math.Ceiling((work.DwtForward + work.Quantizer + work.Epilogue + work.DwtInverse) * block) + work.Latency;
        var times = new StageTimes(computeBound, memoryBound, fill, gemm.Total, _overlapped);
        var energy = EnergyBreakdown.Of(work, dram, sram, _roles, _prices);
        return new MappingCost(new Mapping(order, tm, tn, tk, dwtFeatures), tokenTiles, outputTiles, dram, sram, gemm,
            dramCycles, times, _cycles.Total(times), energy);
    }

    private DramTraffic Dram(LoopOrder order, int tokenTiles, int outputTiles, double actTileFull, double outTile)
    {
        double weightRead, actRead = 0, actWrite = 0;
        if (order == LoopOrder.ActivationsOuter)
        {
            bool weightsResident = Fits(actTileFull, _w.WeightBytes, outTile);
            weightRead = weightsResident ? _w.WeightBytes : (double)_w.WeightBytes * tokenTiles;
        }
        else
        {
            weightRead = _w.WeightBytes;
            if (outputTiles > 1)
            {
                actWrite = _w.ActivationBytes;
                actRead = (double)_w.ActivationBytes * outputTiles;
            }
        }
        return new DramTraffic(_w.InputBytes, actRead, actWrite, weightRead, _w.BiasBytes, _w.OutputBytes);
    }

    private SramTraffic Sram(int tokenTiles, int outputTiles, in DramTraffic dram)
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        int kFolds = (d + _mac.Rows - 1) / _mac.Rows;
        double acc = 4.0 * s * n * _w.Groups, yt = 4.0 * s * n, yio = (double)s * n * _w.IoBytes;
        double actReuse = _mac.Dataflow == Dataflow.Is ? 1 : Math.Ceiling((double)n / _mac.Cols);
        double weightReuse = _mac.Dataflow switch
        {
            Dataflow.Ws => tokenTiles,
            Dataflow.Os => Math.Ceiling((double)s / _mac.Rows),
            _ => Math.Ceiling((double)s / _mac.Cols),
        };
        bool spill = dram.ActWrite > 0;
        var activations = new Traffic(_w.ActivationBytes * actReuse + (spill ? _w.ActivationBytes : 0), _w.ActivationBytes * (spill ? 1.0 + outputTiles : 1.0));
        var weights = new Traffic(_w.WeightBytes * weightReuse, dram.WeightRead);
        double psumReads = _mac.Dataflow == Dataflow.Os ? 0 : acc * (kFolds - 1);
        double psumWrites = _mac.Dataflow == Dataflow.Os ? acc : acc * kFolds;
        // Epilogue reads accumulators and writes yt; the inverse transform reads and rewrites yt; bias
        // writes Y in the io format, which the DRAM store reads back.
        var outputs = new Traffic(psumReads + acc + yt + yio, psumWrites + yt + yt + yio);
        return new SramTraffic(activations, weights, outputs);
    }

    // Read and write ports work in parallel: a buffer is busy for the longer of the two.
    private long BusiestBufferCycles(in SramTraffic sram)
    {
        double busiest = 0;
        for (int b = 0; b < _hw.Buffers.Count; b++)
        {
            var t = sram.Of(b, _roles);
            busiest = Math.Max(busiest, Math.Max(t.Read / _hw.Buffers[b].ReadBandwidth, t.Write / _hw.Buffers[b].WriteBandwidth));
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
