using StampSim.Config;
using StampSim.ModelCost;

namespace StampSim.Sweeps;

/// <summary>
/// Evaluates the points of a model sweep: the whole-model cost of each point's config (<see cref="ModelCostModel.Evaluate"/>,
/// analytical, so per point), and with a trace the SQNR of its golden replay, which <see cref="SweepEvaluator"/> computes once per
/// distinct numerics setting and shares across hardware points.
/// </summary>
public sealed class ModelSweepEvaluator
{
    private readonly ModelArchitecture _arch;
    private readonly InferenceRequest _request;
    private readonly IReadOnlyList<(ConfigMap Tree, string Source)> _configs;
    private readonly SweepEvaluator? _accuracy;

    /// <summary>Creates the evaluator; <paramref name="accuracy"/> is the trace evaluator, or null for cost alone.</summary>
    /// <exception cref="InputException">The request goes beyond the model's context (named after <paramref name="source"/>).</exception>
    public ModelSweepEvaluator(ModelArchitecture arch, InferenceRequest request, IReadOnlyList<(ConfigMap Tree, string Source)> configs,
        SweepEvaluator? accuracy, string source)
    {
        request.Validate();
        request.CheckContext(arch, $"{source}: model");
        _arch = arch;
        _request = request;
        _configs = configs;
        _accuracy = accuracy;
    }

    /// <summary>Distinct numerics settings run through the golden engine so far (0 without a trace).</summary>
    public int EngineRuns => _accuracy?.EngineRuns ?? 0;

    /// <summary>Checks a point against the trace's layer shapes (nothing to check without a trace).</summary>
    public void Check(SweepPoint point) => _accuracy?.Check(point);

    /// <summary>Plans the golden numerics the points need (in layer-major groups, as a layer sweep does).</summary>
    public void Prepare(IEnumerable<SweepPoint> points) => _accuracy?.Prepare(points);

    /// <summary>Evaluates one point (thread-safe); a config the model cost cannot use makes the point infeasible with the reason.</summary>
    public ModelPointResult Evaluate(SweepPoint point)
    {
        IReadOnlyList<VariantCost> variants;
        try { variants = ModelCostModel.Evaluate(_arch, _request, point.Config, _configs[point.ConfigIndex].Source); }
        catch (InputException e) { return new ModelPointResult(point.Index, [], e.Message, double.NaN); }
        double sqnr = _accuracy is null ? double.NaN : _accuracy.NumericsOf(point).SqnrDb;
        return new ModelPointResult(point.Index, variants, null, sqnr);
    }
}
