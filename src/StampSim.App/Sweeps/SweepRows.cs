using StampSim.Numerics;
using StampSim.Reports.Sweeps;
using StampSim.Sweeps;

namespace StampSim.App.Sweeps;

/// <summary>What the runner needs of a workload's evaluation: checks before anything runs, planning, and one <c>points.csv</c> row per point.</summary>
public interface ISweepRows
{
    /// <summary>Refuses a point no layer of the trace can run (from the shapes).</summary>
    void Check(SweepPoint point);

    /// <summary>Plans the golden numerics the points need.</summary>
    void Prepare(IEnumerable<SweepPoint> points);

    /// <summary>Distinct numerics settings run through the golden engine so far.</summary>
    int EngineRuns { get; }

    /// <summary>Evaluates a point (thread-safe) into its row.</summary>
    string Row(SweepPoint point);
}

/// <summary>The rows of a sweep's workload: a model sweep's whole-model cost, or a layer sweep's totals over the trace's layers.</summary>
public static class SweepRows
{
    /// <summary>The rows of <paramref name="inputs"/>' workload.</summary>
    public static ISweepRows For(SweepInputs inputs, ExecutionOptions options) =>
        inputs.Spec.Model is null ? new LayerRows(inputs.Spec, inputs.Evaluator(options)) : new ModelRows(inputs.Spec, inputs.ModelEvaluator(options));

    private sealed class LayerRows(SweepSpec spec, SweepEvaluator evaluator) : ISweepRows
    {
        public void Check(SweepPoint point) => evaluator.Check(point);
        public void Prepare(IEnumerable<SweepPoint> points) => evaluator.Prepare(points);
        public int EngineRuns => evaluator.EngineRuns;
        public string Row(SweepPoint point) => PointsCsv.Row(spec, point, evaluator.EvaluateOrInfeasible(point));
    }

    private sealed class ModelRows(SweepSpec spec, ModelSweepEvaluator evaluator) : ISweepRows
    {
        public void Check(SweepPoint point) => evaluator.Check(point);
        public void Prepare(IEnumerable<SweepPoint> points) => evaluator.Prepare(points);
        public int EngineRuns => evaluator.EngineRuns;
        public string Row(SweepPoint point) => PointsCsv.Row(spec, point, evaluator.Evaluate(point));
    }
}
