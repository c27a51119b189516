namespace StampSim.Hardware;

/// <summary>Turns the chosen <see cref="MappingCost"/> into the named, public <see cref="CostResult"/>.</summary>
internal static class CostDescription
{
    public static CostResult Of(MappingCost c, MappingEvaluator evaluator, AcceleratorConfig hw, MacArrayConfig mac, bool searched)
    {
        var work = evaluator.Work;
        var roles = BufferRoles.Of(hw.Buffers);
        var stages = new Dictionary<string, long>
        {
            [CostStages.SequenceTransform] = work.DwtForward,
            [CostStages.Quantizer] = work.Quantizer,
        };
        foreach (var (stage, cycles) in CycleModels.For(hw.CycleModel).GemmStages(c.Gemm, evaluator.Workload))
            stages[stage] = stages.GetValueOrDefault(stage) + cycles;
        stages[CostStages.Epilogue] = work.Epilogue;
        stages[CostStages.InverseTransform] = work.DwtInverse;
        stages[CostStages.Dram] = c.DramCycles;
        var sram = new Dictionary<string, Traffic>();
        foreach (int b in new[] { roles.Activations, roles.Weights, roles.Outputs })
            sram.TryAdd(hw.Buffers[b].Name, c.Sram.Of(b, roles));
        foreach (var b in hw.Buffers)
        {
            var tr = sram.GetValueOrDefault(b.Name);
            stages[CostStages.SramPrefix + b.Name] = (long)Math.Ceiling(Math.Max(tr.Read / b.ReadBandwidth, tr.Write / b.WriteBandwidth));
        }
        var actions = new Dictionary<EnergyAction, double>
        {
            [new(ActionKind.MacInt4)] = work.MacInt4,
            [new(ActionKind.MacInt8Token)] = work.MacInt8,
            [new(ActionKind.DwtAdd)] = work.DwtAdd,
            [new(ActionKind.DwtMul)] = work.DwtMul,
            [new(ActionKind.QuantOp)] = work.QuantOps,
            [new(ActionKind.EpilogueOp)] = work.EpilogueOps,
            [new(ActionKind.DramRead)] = c.Dram.Read,
            [new(ActionKind.DramWrite)] = c.Dram.Write,
        };
        foreach (var b in hw.Buffers)
        {
            var tr = sram.GetValueOrDefault(b.Name);
            actions[new(ActionKind.BufferRead, b.Name)] = tr.Read;
            actions[new(ActionKind.BufferWrite, b.Name)] = tr.Write;
        }
        double peCycles = (double)mac.Rows * mac.Cols;
        return new CostResult
        {
            Feasible = true,
            TotalCycles = c.Cycles,
            CyclesByStage = stages,
            ComputeBoundCycles = c.Times.ComputeBound,
            MemoryBoundCycles = c.Times.MemoryBound,
            Bound = c.Bound,
            Utilization = work.BusyPeCycles / (peCycles * Math.Max(1, c.Cycles)),
            GemmUtilization = work.BusyPeCycles / (peCycles * Math.Max(1, c.Gemm.Total)),
            Mapping = c.Mapping,
            MappingSearched = searched,
            DramByTensor = new Dictionary<string, Traffic>
            {
                ["input"] = new(c.Dram.InputRead, 0),
                ["activations"] = new(c.Dram.ActRead, c.Dram.ActWrite),
                ["weights"] = new(c.Dram.WeightRead, 0),
                ["bias"] = new(c.Dram.BiasRead, 0),
                ["output"] = new(0, c.Dram.OutputWrite),
                ["partial_sums"] = new(c.Dram.PsumRead, c.Dram.PsumWrite),
            },
            SramByBuffer = sram,
            Actions = actions,
            EnergyPerActionPj = actions.Keys.ToDictionary(a => a, a => hw.Energy[a]),
            EnergyByComponentPj = Enum.GetValues<CostComponent>().ToDictionary(k => k, c.Energy.Of),
            EnergyPj = c.Energy.Total,
            FemtojoulesPerMac = c.Energy.Total * 1000 / evaluator.Workload.Shape.Macs,
            EnergyTableHash = hw.Energy.Hash,
            Seconds = c.Cycles / (hw.ClockGhz * 1e9),
        };
    }
}
