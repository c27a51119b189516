namespace StampSim.Hardware;

/// <summary>
/// The energy of one mapping, computed once from its action counts and the energy table: the total
/// and its split by <see cref="CostComponent"/>.
/// </summary>
internal readonly record struct EnergyBreakdown(double Total, double Mac, double Dwt, double Quantizer, double Epilogue, double Dram, double Sram)
{
    public static EnergyBreakdown Of(in WorkCounts work, in DramTraffic dram, in SramTraffic sram, BufferRoles roles, EnergyPrices p)
    {
        double mac = work.MacInt4 * p.MacInt4 + work.MacInt8 * p.MacInt8;
        double dwt = work.DwtAdd * p.DwtAdd + work.DwtMul * p.DwtMul;
        double quantizer = work.QuantOps * p.Quant, epilogue = work.EpilogueOps * p.Epilogue;
        double dramPj = dram.Read * p.DramRead + dram.Write * p.DramWrite;
        // The total adds the actions in energy-table order, one term at a time (the order is part of the result's bits).
        double total = work.MacInt4 * p.MacInt4 + work.MacInt8 * p.MacInt8 + work.DwtAdd * p.DwtAdd + work.DwtMul * p.DwtMul + quantizer + epilogue;
        total += dramPj;
        double sramPj = 0;
        for (int b = 0; b < p.BufferRead.Length; b++)
        {
            var t = sram.Of(b, roles);
            double pj = t.Read * p.BufferRead[b] + t.Write * p.BufferWrite[b];
            total += pj;
            sramPj += pj;
        }
        return new EnergyBreakdown(total, mac, dwt, quantizer, epilogue, dramPj, sramPj);
    }

    public double Of(CostComponent component) => component switch
    {
        CostComponent.Mac => Mac,
        CostComponent.Dwt => Dwt,
        CostComponent.Quantizer => Quantizer,
        CostComponent.Epilogue => Epilogue,
        CostComponent.Dram => Dram,
        _ => Sram,
    };
}

/// <summary>The energy table resolved once per layer into the prices the search reads per candidate.</summary>
internal sealed class EnergyPrices(EnergyTable table, IReadOnlyList<BufferConfig> buffers)
{
    public double MacInt4 { get; } = table[new(ActionKind.MacInt4)];
    public double MacInt8 { get; } = table[new(ActionKind.MacInt8Token)];
    public double DwtAdd { get; } = table[new(ActionKind.DwtAdd)];
    public double DwtMul { get; } = table[new(ActionKind.DwtMul)];
    public double Quant { get; } = table[new(ActionKind.QuantOp)];
    public double Epilogue { get; } = table[new(ActionKind.EpilogueOp)];
    public double DramRead { get; } = table[new(ActionKind.DramRead)];
    public double DramWrite { get; } = table[new(ActionKind.DramWrite)];
    public double[] BufferRead { get; } = buffers.Select(b => table[new(ActionKind.BufferRead, b.Name)]).ToArray();
    public double[] BufferWrite { get; } = buffers.Select(b => table[new(ActionKind.BufferWrite, b.Name)]).ToArray();
}
