using StampSim.Numerics;

namespace StampSim.Hardware;

/// <summary>Every number of one candidate mapping (a struct so the search allocates nothing).</summary>
internal struct CostEstimate
{
    public LoopOrder Order;
    public int Tm, Tn, Tk, DwtFeatures, TokenTiles, OutputTiles;
    public long DwtForward, DwtInverse, Quantizer, GemmHi, GemmLo, GemmSkew, Epilogue, Dram, Latency;
    public double InputRead, ActRead, ActWrite, WeightRead, BiasRead, OutputWrite;
    public double ActSramRead, ActSramWrite, WeightSramRead, WeightSramWrite, OutSramRead, OutSramWrite;
    public double MacInt4, MacInt8, DwtAdd, DwtMul, QuantOps, EpilogueOps, BusyPeCycles;
    public long ComputeBound, MemoryBound, Cycles;
    public double EnergyPj;
}

/// <summary>Evaluates candidate mappings of one layer on one accelerator (see <see cref="CostModel"/>).</summary>
internal sealed class CostContext
{
    private readonly Workload _w;
    private readonly MacArrayConfig _mac;
    private readonly AcceleratorConfig _hw;
    private readonly BufferConfig[] _buffers;
    private readonly int _actBuffer, _weightBuffer, _outBuffer;
    private readonly int _hiPasses, _loPasses, _hiCols, _loCols, _weightPasses;
    private readonly bool _hiIsWide, _loIsWide;
    private readonly double[] _sramCycles, _sramReads, _sramWrites, _readPj, _writePj;
    private readonly int[] _reductionTiles;
    private readonly bool _overlapped;
    private readonly double _pjMac4, _pjMac8, _pjAdd, _pjMul, _pjQuant, _pjEpilogue, _pjDramRead, _pjDramWrite;

    public CostContext(Workload w, MacArrayConfig mac, AcceleratorConfig hw)
    {
        _w = w;
        _mac = mac;
        _hw = hw;
        _buffers = hw.Buffers.ToArray();
        _actBuffer = Array.FindIndex(_buffers, b => b.Holds.Contains(TensorKind.Activations));
        _weightBuffer = Array.FindIndex(_buffers, b => b.Holds.Contains(TensorKind.Weights));
        _outBuffer = Array.FindIndex(_buffers, b => b.Holds.Contains(TensorKind.Outputs));
        _sramCycles = new double[_buffers.Length];
        _sramReads = new double[_buffers.Length];
        _sramWrites = new double[_buffers.Length];
        (_hiPasses, _hiCols, _hiIsWide) = TokenMode(w.Numerics.HiBits);
        (_loPasses, _loCols, _loIsWide) = TokenMode(w.Numerics.LoBits);
        _weightPasses = (w.Numerics.WeightBits + mac.WeightBits - 1) / mac.WeightBits;
        // Everything the search reads per candidate is resolved once here (the search runs in microseconds).
        _reductionTiles = CostModel.Candidates(mac.Rows, w.Shape.Features, 1).Reverse().ToArray();
        _overlapped = _buffers.All(b => b.DoubleBuffered);
        var t = hw.Energy;
        _readPj = _buffers.Select(b => t[$"{b.Name}_read"]).ToArray();
        _writePj = _buffers.Select(b => t[$"{b.Name}_write"]).ToArray();
        (_pjMac4, _pjMac8, _pjAdd, _pjMul) = (t["mac_int4"], t["mac_int8_token"], t["dwt_add"], t["dwt_mul"]);
        (_pjQuant, _pjEpilogue, _pjDramRead, _pjDramWrite) = (t["quant_op"], t["epilogue_op"], t["dram_read"], t["dram_write"]);
        _fixed = FixedWork();
    }

    private readonly CostEstimate _fixed;

    /// <summary>The parts of an estimate no tiling changes: transform, quantizer and epilogue work, MACs.</summary>
    private CostEstimate FixedWork()
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var e = new CostEstimate();
        var (adds, muls) = _w.Plan.OperationsPerColumn();
        double hadamard = _w.Numerics.FeatureTransform == FeatureTransformKind.Hadamard ? (double)s * d * Math.Log2(d) : 0;
        double hadamardMuls = hadamard > 0 ? (double)s * d : 0;
        e.DwtAdd = (double)adds * (d + n) + hadamard;
        e.DwtMul = (double)muls * (d + n) + hadamardMuls;
        e.DwtForward = Ceil(((double)adds * d + hadamard) / _hw.DwtUnit.Lanes);
        e.DwtInverse = Ceil((double)adds * n / _hw.DwtUnit.Lanes);
        e.QuantOps = 4.0 * s * d + 2.0 * s * _w.Groups;
        e.Quantizer = Ceil(2.0 * s * d / _hw.Quantizer.Lanes);
        e.EpilogueOps = (double)s * n * (5 * _w.Groups + (_w.Groups - 1) + (shape.HasBias ? 1 : 0));
        e.Epilogue = Ceil(e.EpilogueOps / _hw.Epilogue.Lanes);
        double macsHi = (double)_w.HiTokens * d * n * _weightPasses, macsLo = (double)_w.LoTokens * d * n * _weightPasses;
        e.MacInt8 = (_hiIsWide ? macsHi : 0) + (_loIsWide ? macsLo : 0);
        e.MacInt4 = (_hiIsWide ? 0 : macsHi) + (_loIsWide ? 0 : macsLo);
        e.BusyPeCycles = macsHi * (_hiPasses * _mac.Cols / (double)_hiCols) + macsLo * (_loPasses * _mac.Cols / (double)_loCols);
        e.Latency = (long)Math.Ceiling(_hw.Dram.LatencyNs * _hw.ClockGhz);
        e.InputRead = _w.InputBytes;
        e.BiasRead = _w.BiasBytes;
        e.OutputWrite = _w.OutputBytes;
        return e;
    }

    /// <summary>Features the DWT unit's buffer holds for a block of <paramref name="blockTokens"/> tokens.</summary>
    public int DwtFeatureTile(int blockTokens)
    {
        long perFeature = (long)blockTokens * NumberFormats.Bytes(_hw.DwtUnit.Format);
        long features = _w.Plan.Kind == SequenceTransformKind.None ? _w.Shape.Features : _hw.DwtUnit.Buffer / perFeature;
        return (int)Math.Min(Math.Max(_w.Shape.Features, _w.Shape.Outputs), features);
    }

    /// <summary>
    /// How tokens of <paramref name="bits"/> run: time passes over the array, columns available, and
    /// whether their MACs are charged as <c>mac_int8_token</c>.
    /// </summary>
    private (int Passes, int Cols, bool Wide) TokenMode(int bits)
    {
        bool wide = bits > 4;
        if (!wide || _mac.Multiplier == MultiplierKind.Int8) return (1, _mac.Cols, wide);
        return _mac.EightBitMode == EightBitMode.Fused ? (1, Math.Max(1, _mac.Cols / 2), true) : (2, _mac.Cols, true);
    }

    /// <summary>The estimate of one candidate tiling, or null when its tiles do not fit the buffers.</summary>
    public CostEstimate? Estimate(LoopOrder order, int tm, int tn, int dwtFeatures)
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        var e = _fixed;
        e.Order = order;
        e.Tm = tm;
        e.Tn = tn;
        e.DwtFeatures = dwtFeatures;
        e.TokenTiles = (s + tm - 1) / tm;
        e.OutputTiles = (n + tn - 1) / tn;

        // Buffer fit: pick the largest reduction tile that fits; weights may fit whole.
        double weightsPerChannel = (double)_w.WeightBytes / n;
        double actTileFull = _w.ActivationBytesOf(0, tm);
        double outTile = 4.0 * tm * tn * (_w.Groups > 1 ? 2 : 1);
        bool weightsResident = false;
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
        e.Tk = tk;
        if (order == LoopOrder.ActivationsOuter)
            weightsResident = Fits(actTileFull, _w.WeightBytes, outTile);

        // DRAM traffic.
        if (order == LoopOrder.ActivationsOuter)
        {
            e.WeightRead = weightsResident ? _w.WeightBytes : (double)_w.WeightBytes * e.TokenTiles;
        }
        else
        {
            e.WeightRead = _w.WeightBytes;
            if (e.OutputTiles > 1)
            {
                e.ActWrite = _w.ActivationBytes;
                e.ActRead = (double)_w.ActivationBytes * e.OutputTiles;
            }
        }
        double dramBytes = e.InputRead + e.BiasRead + e.OutputWrite + e.WeightRead + e.ActRead + e.ActWrite;
        e.Dram = (long)Math.Ceiling(dramBytes / _hw.DramBytesPerCycle);

        GemmTime(ref e, tm);

        // SRAM traffic.
        int kFolds = (d + _mac.Rows - 1) / _mac.Rows;
        double acc = 4.0 * s * n * _w.Groups, yt = 4.0 * s * n, yio = (double)s * n * _w.IoBytes;
        double actReuse = _mac.Dataflow == Dataflow.Is ? 1 : Math.Ceiling((double)n / _mac.Cols);
        double weightReuse = _mac.Dataflow switch
        {
            Dataflow.Ws => e.TokenTiles,
            Dataflow.Os => Math.Ceiling((double)s / _mac.Rows),
            _ => Math.Ceiling((double)s / _mac.Cols),
        };
        bool spill = e.ActWrite > 0;
        e.ActSramWrite = _w.ActivationBytes * (spill ? 1.0 + e.OutputTiles : 1.0);
        e.ActSramRead = _w.ActivationBytes * actReuse + (spill ? _w.ActivationBytes : 0);
        e.WeightSramWrite = e.WeightRead;
        e.WeightSramRead = _w.WeightBytes * weightReuse;
        double psumReads = _mac.Dataflow == Dataflow.Os ? 0 : acc * (kFolds - 1);
        double psumWrites = _mac.Dataflow == Dataflow.Os ? acc : acc * kFolds;
        // Epilogue reads accumulators and writes yt; the inverse transform reads and rewrites yt; bias
        // writes Y in the io format, which the DRAM store reads back.
        e.OutSramRead = psumReads + acc + yt + yio;
        e.OutSramWrite = psumWrites + yt + yt + yio;
        Array.Clear(_sramCycles);
        Array.Clear(_sramReads);
        Array.Clear(_sramWrites);
        AddSram(_actBuffer, e.ActSramRead, e.ActSramWrite);
        AddSram(_weightBuffer, e.WeightSramRead, e.WeightSramWrite);
        AddSram(_outBuffer, e.OutSramRead, e.OutSramWrite);

        // Time: pipelined units, memory overlapped when every buffer is double buffered.
        long gemm = e.GemmHi + e.GemmLo + e.GemmSkew;
        e.ComputeBound = Math.Max(Math.Max(e.DwtForward + e.DwtInverse, e.Quantizer), Math.Max(gemm, e.Epilogue));
        double busiest = 0;
        foreach (double c in _sramCycles) busiest = Math.Max(busiest, c);
        long sram = (long)Math.Ceiling(busiest);
        e.MemoryBound = Math.Max(e.Dram, sram);
        // Units stream at the transform's block granularity: only the first block's pre-processing
        // and the last block's post-processing are not hidden (a global DCT/WHT block is the whole sequence).
        double block = Math.Min(tm, Math.Max(1, _w.Plan.BlockTokens + _w.Plan.PrefixTokens)) / (double)s;
        long fill = (long)Math.Ceiling((e.DwtForward + e.Quantizer + e.Epilogue + e.DwtInverse) * block) + e.Latency;
        e.Cycles = (_overlapped ? Math.Max(e.ComputeBound, e.MemoryBound) : e.ComputeBound + e.MemoryBound) + fill;
        if (_hw.CycleModel == CycleModel.Scalesim)
        {
            e.Cycles = gemm;
        }
        e.EnergyPj = Energy(e);
        return e;
    }

    private void GemmTime(ref CostEstimate e, int tm)
    {
        var shape = _w.Shape;
        int s = shape.Tokens, d = shape.Features, n = shape.Outputs;
        if (_hw.CycleModel == CycleModel.Scalesim)
        {
            e.GemmLo = GemmCycles.ScaleSim(_mac.Dataflow, _mac.Rows, _mac.Cols, s, d, n);
            return;
        }
        // Tiles are of three kinds: all high-precision tokens, the one mixing both, and the rest.
        int hi = _w.HiTokens;
        for (int t0 = 0; t0 < s;)
        {
            int t = Math.Min(tm, s - t0);
            int h = Math.Clamp(hi - t0, 0, t);
            long count = 1;
            if (h == 0 || h == t)
            {
                // Identical tiles repeat until the precision changes or the last (partial) tile.
                int limit = h == t ? hi : s;
                count = Math.Max(1, (limit - t0) / tm);
                if (t0 + count * tm > s) count = (s - t0) / tm;
                if (count == 0) count = 1;
            }
            TileGemm(ref e, h, t - h, count);
            t0 += (int)(count * t);
        }
    }

    /// <summary>
    /// GEMM cycles of <paramref name="count"/> identical token tiles with <paramref name="hi"/> high- and
    /// <paramref name="lo"/> low-precision tokens. Tokens of both precisions share a fold (one fill/drain)
    /// when they use the same columns and either the same passes or a weight-stationary array (where a
    /// wide token just streams for more cycles); otherwise they run as two GEMMs.
    /// </summary>
    private void TileGemm(ref CostEstimate e, int hi, int lo, long count)
    {
        int d = _w.Shape.Features, n = _w.Shape.Outputs, wp = _weightPasses;
        bool shared = hi > 0 && lo > 0 && _hiCols == _loCols && (_hiPasses == _loPasses || _mac.Dataflow == Dataflow.Ws);
        if (shared)
        {
            var (stream, skew) = GemmCycles.Stamp(_mac.Dataflow, _mac.Rows, _loCols, hi + lo, d, n, wp);
            // Streaming splits by token share and precision passes (exact for ws, where tokens stream).
            double hiWork = (double)hi * _hiPasses, loWork = (double)lo * _loPasses;
            long hiStream = (long)Math.Round(stream * hiWork / (hi + lo));
            long loStream = (long)Math.Round(stream * loWork / (hi + lo));
            e.GemmHi += hiStream * count;
            e.GemmLo += loStream * count;
            e.GemmSkew += skew * count;
            return;
        }
        if (hi > 0)
        {
            var (stream, skew) = GemmCycles.Stamp(_mac.Dataflow, _mac.Rows, _hiCols, hi, d, n, _hiPasses * wp);
            e.GemmHi += stream * count;
            e.GemmSkew += skew * count;
        }
        if (lo > 0)
        {
            var (stream, skew) = GemmCycles.Stamp(_mac.Dataflow, _mac.Rows, _loCols, lo, d, n, _loPasses * wp);
            e.GemmLo += stream * count;
            e.GemmSkew += skew * count;
        }
    }

    private bool Fits(double act, double weights, double outputs)
    {
        for (int b = 0; b < _buffers.Length; b++)
        {
            double need = (b == _actBuffer ? act : 0) + (b == _weightBuffer ? weights : 0) + (b == _outBuffer ? outputs : 0);
            if (need > _buffers[b].TileCapacity) return false;
        }
        return true;
    }

    // Reads and writes accumulate per buffer first; read and write ports work in parallel.
    private void AddSram(int buffer, double reads, double writes)
    {
        _sramReads[buffer] += reads;
        _sramWrites[buffer] += writes;
        _sramCycles[buffer] = Math.Max(_sramReads[buffer] / _buffers[buffer].ReadBandwidth, _sramWrites[buffer] / _buffers[buffer].WriteBandwidth);
    }

    private double Energy(in CostEstimate e)
    {
        double pj = e.MacInt4 * _pjMac4 + e.MacInt8 * _pjMac8 + e.DwtAdd * _pjAdd + e.DwtMul * _pjMul
                  + e.QuantOps * _pjQuant + e.EpilogueOps * _pjEpilogue;
        pj += (e.InputRead + e.ActRead + e.WeightRead + e.BiasRead) * _pjDramRead + (e.ActWrite + e.OutputWrite) * _pjDramWrite;
        for (int b = 0; b < _buffers.Length; b++)
            pj += _sramReads[b] * _readPj[b] + _sramWrites[b] * _writePj[b];
        return pj;
    }

    private IEnumerable<(double Reads, double Writes, int Buffer)> SramTraffic(CostEstimate e)
    {
        yield return (e.ActSramRead, e.ActSramWrite, _actBuffer);
        yield return (e.WeightSramRead, e.WeightSramWrite, _weightBuffer);
        yield return (e.OutSramRead, e.OutSramWrite, _outBuffer);
    }

    /// <summary>Turns the chosen estimate into a full, named result.</summary>
    public CostResult Describe(CostEstimate e)
    {
        var t = _hw.Energy;
        var stages = new Dictionary<string, long>
        {
            ["sequence_transform"] = e.DwtForward,
            ["quantizer"] = e.Quantizer,
            ["gemm_hi"] = e.GemmHi,
            ["gemm_lo"] = e.GemmLo,
            ["gemm_fill_drain"] = e.GemmSkew,
            ["epilogue"] = e.Epilogue,
            ["inverse_transform"] = e.DwtInverse,
            ["dram"] = e.Dram,
        };
        var sram = new Dictionary<string, Traffic>();
        foreach (var (reads, writes, buffer) in SramTraffic(e))
        {
            string name = _buffers[buffer].Name;
            sram[name] = sram.TryGetValue(name, out var prev) ? new Traffic(prev.Read + reads, prev.Write + writes) : new Traffic(reads, writes);
        }
        foreach (var b in _buffers)
        {
            var tr = sram.GetValueOrDefault(b.Name);
            stages[$"sram.{b.Name}"] = (long)Math.Ceiling(Math.Max(tr.Read / b.ReadBandwidth, tr.Write / b.WriteBandwidth));
        }
        var actions = new Dictionary<string, double>
        {
            ["mac_int4"] = e.MacInt4,
            ["mac_int8_token"] = e.MacInt8,
            ["dwt_add"] = e.DwtAdd,
            ["dwt_mul"] = e.DwtMul,
            ["quant_op"] = e.QuantOps,
            ["epilogue_op"] = e.EpilogueOps,
            ["dram_read"] = e.InputRead + e.ActRead + e.WeightRead + e.BiasRead,
            ["dram_write"] = e.ActWrite + e.OutputWrite,
        };
        foreach (var b in _buffers)
        {
            var tr = sram.GetValueOrDefault(b.Name);
            actions[$"{b.Name}_read"] = tr.Read;
            actions[$"{b.Name}_write"] = tr.Write;
        }
        var perAction = actions.Keys.ToDictionary(a => a, a => t[a]);
        var components = new Dictionary<string, double>
        {
            ["mac"] = e.MacInt4 * t["mac_int4"] + e.MacInt8 * t["mac_int8_token"],
            ["dwt"] = e.DwtAdd * t["dwt_add"] + e.DwtMul * t["dwt_mul"],
            ["quantizer"] = e.QuantOps * t["quant_op"],
            ["epilogue"] = e.EpilogueOps * t["epilogue_op"],
            ["dram"] = actions["dram_read"] * t["dram_read"] + actions["dram_write"] * t["dram_write"],
            ["sram"] = _buffers.Sum(b => actions[$"{b.Name}_read"] * t[$"{b.Name}_read"] + actions[$"{b.Name}_write"] * t[$"{b.Name}_write"]),
        };
        long gemm = e.GemmHi + e.GemmLo + e.GemmSkew;
        double peCycles = (double)_mac.Rows * _mac.Cols;
        return new CostResult
        {
            Feasible = true,
            TotalCycles = e.Cycles,
            CyclesByStage = stages,
            ComputeBoundCycles = e.ComputeBound,
            MemoryBoundCycles = e.MemoryBound,
            Utilization = e.BusyPeCycles / (peCycles * Math.Max(1, e.Cycles)),
            GemmUtilization = e.BusyPeCycles / (peCycles * Math.Max(1, gemm)),
            Mapping = new Mapping(e.Order, e.Tm, e.Tn, e.Tk, e.DwtFeatures),
            DramByTensor = new Dictionary<string, Traffic>
            {
                ["input"] = new(e.InputRead, 0),
                ["activations"] = new(e.ActRead, e.ActWrite),
                ["weights"] = new(e.WeightRead, 0),
                ["bias"] = new(e.BiasRead, 0),
                ["output"] = new(0, e.OutputWrite),
            },
            SramByBuffer = sram,
            Actions = actions,
            EnergyPerActionPj = perAction,
            EnergyByComponentPj = components,
            EnergyPj = e.EnergyPj,
            FemtojoulesPerMac = e.EnergyPj * 1000 / _w.Shape.Macs,
            EnergyTableHash = t.Hash,
            Seconds = e.Cycles / (_hw.ClockGhz * 1e9),
        };
    }

    private static long Ceil(double v) => (long)Math.Ceiling(v);
}
