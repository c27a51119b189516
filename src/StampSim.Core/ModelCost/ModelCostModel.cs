using StampSim.Config;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Numerics;

namespace StampSim.ModelCost;

/// <summary>
/// The cost of a whole model (<c>stampsim model</c>): every operator of <see cref="ModelWorkload"/> on the
/// accelerator. Matmuls run on the MAC array through the layer <see cref="CostModel"/> (its mapping search,
/// cycle model, DRAM and SRAM traffic and energy); element-wise operators run on the vector unit; embedding
/// reads and KV-cache writes are DRAM traffic. Operators run one after another. The numerics of each matmul
/// follow the config's <c>model:</c> policy (<see cref="ModelPolicy"/>); docs/model-cost.md states every assumption.
/// </summary>
public static class ModelCostModel
{
    /// <summary>STaMP, A4 and A8 of <paramref name="arch"/> running <paramref name="request"/> on the config's accelerator.</summary>
    /// <exception cref="InputException">The config has no accelerator or vector unit, or the request does not suit the model.</exception>
    public static IReadOnlyList<VariantCost> Evaluate(ModelArchitecture arch, InferenceRequest request, StampConfig config, string source)
    {
        request.Validate();
        var hw = config.Accelerator ?? throw new InputException($"{source}: the config has no accelerator description; the model-level cost needs one (see hwconfigs/)");
        var vector = hw.VectorUnit ?? throw new InputException($"{source}: vector_unit: missing; the model-level cost needs the vector unit (lanes, format, energy.add, energy.mul; see hwconfigs/)");
        try
        {
            var prefill = ModelWorkload.Prefill(arch, request, config.Model);
            var decode = ModelWorkload.Decode(arch, request, config.Model);
            var cache = new Dictionary<(LayerShape, NumericsConfig), CostResult>();
            return Variants.All.Select(v =>
            {
                var numerics = new OperatorNumerics(config, v, request.Batch);
                var footprint = ModelFootprint.Of(arch, request, config.Model, role => numerics.For(role, Phase.Prefill).WeightBits);
                string? infeasible = hw.Dram.Capacity is long capacity && footprint.TotalBytes > capacity
                    ? $"needs {ByteSize.Format(footprint.TotalBytes)} of DRAM (weights {ByteSize.Format(footprint.WeightBytes)}, KV cache {ByteSize.Format(footprint.KvCacheBytes)}, " +
                      $"activations {ByteSize.Format(footprint.ActivationBytes)}) but dram.capacity is {ByteSize.Format(capacity)}"
                    : null;
                var p = CostOf(prefill, arch, numerics, Phase.Prefill, config, hw, vector, cache, ref infeasible);
                var d = arch.Family.Decodes ? CostOf(decode, arch, numerics, Phase.Decode, config, hw, vector, cache, ref infeasible) : null;
                return new VariantCost(v, numerics.Describe(Phase.Prefill), arch.Family.Decodes ? numerics.Describe(Phase.Decode) : null,
                    p, d, request, infeasible, footprint);
            }).ToList();
        }
        catch (OverflowException)
        {
            throw new InputException($"--prompt/--decode/--batch: {request.Prompt} prompt tokens, {request.Decode} generated, batch {request.Batch}: " +
                                     $"a count of {arch.Name} exceeds the 64-bit limit ({long.MaxValue:N0}); use a shorter prompt or a smaller batch");
        }
    }

    private static PhaseCost CostOf(IReadOnlyList<ModelOperator> ops, ModelArchitecture arch, OperatorNumerics numerics, Phase phase, StampConfig config, AcceleratorConfig hw,
        VectorUnitConfig vector, Dictionary<(LayerShape, NumericsConfig), CostResult> cache, ref string? infeasible)
    {
        var byClass = new Dictionary<OperatorClass, ClassCost>();
        var components = new Dictionary<string, double>(StringComparer.Ordinal);
        long linear = 0, attention = 0, head = 0;
        foreach (var op in ops)
        {
            var cost = Of(op, arch, numerics, phase, config, hw, vector, cache, components, ref infeasible);
            byClass[op.Class] = byClass.GetValueOrDefault(op.Class, ClassCost.Zero) + cost;
            switch (op.Class)
            {
                case OperatorClass.Attention: attention = checked(attention + op.Macs); break;
                case OperatorClass.LmHead: head = checked(head + op.Macs); break;
                default: linear = checked(linear + op.Macs); break;
            }
        }
        var macs = new MacCounts(linear, attention, head);
        _ = macs.Total; // a total beyond 64 bits throws here, inside Evaluate's overflow guard
        return new PhaseCost(macs, byClass) { EnergyByComponentJ = components };
    }

    private static ClassCost Of(ModelOperator op, ModelArchitecture arch, OperatorNumerics numerics, Phase phase, StampConfig config, AcceleratorConfig hw,
        VectorUnitConfig vector, Dictionary<(LayerShape, NumericsConfig), CostResult> cache, Dictionary<string, double> components, ref string? infeasible)
    {
        var cost = ClassCost.Zero;
        if (op.Gemm is { } shape)
        {
            var n = numerics.For(op.Role, phase);
            if (!cache.TryGetValue((shape, n), out var c))
                cache[(shape, n)] = c = CostModel.Evaluate(shape, n, config.MacArray, hw);
            if (!c.Feasible)
            {
                infeasible ??= $"{op.Name} ({shape}): {c.InfeasibleReason}";
                return ClassCost.Zero;
            }
            double times = op.Count * op.CostScale, seconds = c.Seconds * times;
            foreach (var (component, pj) in c.EnergyByComponentPj) Add(components, ConfigNames.Of(component), pj * times * 1e-12);
            cost += ClassCost.Of(seconds, c.EnergyPj * times * 1e-12, (c.DramReadBytes + c.DramWriteBytes) * times, c.Utilization * seconds, c.Bound);
        }
        if (op.Elements > 0)
        {
            var (adds, muls) = VectorOps.PerElement(op.Class, arch);
            double elements = (double)op.Elements * op.Count, hz = hw.ClockGhz * 1e9;
            double seconds = Math.Ceiling(elements * (adds + muls) / vector.Lanes) / hz;
            Add(components, Bounds.Vector, elements * (adds * vector.Energy.Add.Pj + muls * vector.Energy.Mul.Pj) * 1e-12);
            cost += ClassCost.Of(seconds, elements * (adds * vector.Energy.Add.Pj + muls * vector.Energy.Mul.Pj) * 1e-12, 0,
                elements * (adds + muls) / vector.Lanes / hz, Bounds.Vector);
        }
        if (op.DramBytes > 0)
        {
            double total = (double)op.DramBytes * op.Count;
            bool write = op.Class == OperatorClass.KvCache;
            var action = new EnergyAction(write ? ActionKind.DramWrite : ActionKind.DramRead);
            double seconds = total / hw.Dram.Bandwidth;
            Add(components, ConfigNames.Of(CostComponent.Dram), total * hw.Energy[action] * 1e-12);
            cost += ClassCost.Of(seconds, total * hw.Energy[action] * 1e-12, total, seconds, Bounds.Dram);
        }
        return cost;
    }

    private static void Add(Dictionary<string, double> components, string name, double joules) =>
        components[name] = components.GetValueOrDefault(name) + joules;
}
