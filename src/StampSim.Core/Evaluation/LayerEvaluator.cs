using System.Diagnostics;
using StampSim.Config;
using StampSim.Hardware;
using StampSim.Metrics;
using StampSim.Numerics;
using StampSim.Pipeline;

namespace StampSim.Evaluation;

/// <summary>
/// The one place a layer evaluation is composed: golden numerics (<see cref="StampLayer"/>), their
/// metrics (<see cref="LayerMetrics"/>), the cost of STaMP and its uniform baselines
/// (<see cref="CostComparison"/>) and the baselines' golden metrics, into one <see cref="LayerRecord"/>.
/// <c>layer</c>, <c>replay</c>, <c>run</c>, <c>sweep</c> and <c>crosscheck</c> all evaluate through it.
/// </summary>
/// <param name="options">Threads and kernels (never change a result).</param>
/// <param name="baselines">Also run the A4 and A8 baselines through the golden engine (reports compare their error).</param>
public sealed class LayerEvaluator(ExecutionOptions options, bool baselines = false)
{
    /// <summary>Threads and kernels.</summary>
    public ExecutionOptions Options => options;

    /// <summary>Whether baselines' golden numerics are evaluated.</summary>
    public bool Baselines => baselines;

    /// <summary>Evaluates one layer on one config.</summary>
    /// <param name="subject">The layer, as records and messages name it.</param>
    /// <param name="inputs">Its activations, weights and bias.</param>
    /// <param name="config">The effective config (numerics already adjusted to the layer).</param>
    /// <param name="configLabel">The config's label; its name when null.</param>
    /// <param name="cache">The reference and golden runs of these inputs shared across configs; null to share them within this call only.</param>
    /// <param name="knownCost">The layer's <see cref="Cost"/> on this config when already computed (a replay's check), with its time; null to compute it.</param>
    /// <exception cref="InputException">The layer does not suit the numerics; the message names the layer.</exception>
    public LayerEvaluation Evaluate(LayerSubject subject, LayerInputs inputs, StampConfig config, string? configLabel = null, NumericsCache? cache = null,
        TimedCost? knownCost = null)
    {
        var shape = new LayerShape(inputs.Tokens, inputs.Features, inputs.Outputs, inputs.Bias is not null);
        var shared = cache ?? new NumericsCache();
        // One setting measured and nobody to share with: the reference streams instead of being kept.
        var reference = cache is null && !baselines ? null : shared;
        double engine = 0, metrics = 0;
        LayerResult? output = null;
        NumericsRun Golden(NumericsConfig numerics, bool keepOutput)
        {
            var settings = config.Golden with { Numerics = numerics };
            var key = NumericsKey.For(settings, inputs.Tokens, inputs.Features);
            NumericsRun Fresh()
            {
                var (run, result) = RunNumerics(subject, inputs, settings, reference: reference);
                if (keepOutput) output = result;
                return run;
            }
            var (run, computed) = shared.GetOrRun(key, Fresh);
            if (computed)
            {
                engine += run.EngineSeconds;
                metrics += run.MetricsSeconds;
            }
            return run;
        }

        var stamp = Golden(config.Numerics, keepOutput: true);
        var a4 = baselines ? Golden(Variant.A4.Numerics(config.Numerics), keepOutput: false) : null;
        var a8 = baselines ? Golden(Variant.A8.Numerics(config.Numerics), keepOutput: false) : null;
        var clock = Stopwatch.StartNew();
        var cost = knownCost is null ? Cost(subject, shape, config) : knownCost.Cost;
        var timing = new LayerTiming(engine, metrics, knownCost?.Seconds ?? clock.Elapsed.TotalSeconds);
        var record = new LayerRecord(subject, configLabel ?? config.Name, shape, config, stamp, a4, a8, cost, timing);
        return new LayerEvaluation(record, output);
    }

    /// <summary>One golden run of <paramref name="settings"/> and its metrics.</summary>
    /// <param name="subject">The layer, for messages.</param>
    /// <param name="inputs">Its inputs.</param>
    /// <param name="settings">The numerics and the adder-tree length.</param>
    /// <param name="keepIntermediates">Keep accumulators and pre-inverse outputs (bit-level cross-checks).</param>
    /// <param name="reference">Where the inputs' float64 reference is kept for other settings; null to stream it for this run alone.</param>
    /// <exception cref="InputException">The layer does not suit the numerics; the message names the layer.</exception>
    public (NumericsRun Run, LayerResult Result) RunNumerics(LayerSubject subject, LayerInputs inputs, GoldenSettings settings,
        bool keepIntermediates = false, NumericsCache? reference = null)
    {
        var numerics = settings.Numerics;
        var clock = Stopwatch.StartNew();
        var result = subject.Named(() => new StampLayer(settings, options).Run(inputs, keepIntermediates));
        double engine = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var metrics = reference is null
            ? LayerMetrics.Compute(inputs, result, numerics, options)
            : LayerMetrics.Compute(reference.Reference(inputs, options), result, numerics, options);
        var run = new NumericsRun(numerics, result.Transform.Description, result.Transform.Levels,
            numerics.HiTokensOf(inputs.Tokens), result.Gemm.FastPath, result.Gemm.Kernel,
            metrics, engine, clock.Elapsed.TotalSeconds);
        return (run, result);
    }

    /// <summary>
    /// The cost of STaMP and the uniform A8 and A4 baselines for a layer of <paramref name="shape"/>
    /// on the config's accelerator; null when the config describes none.
    /// </summary>
    /// <exception cref="InputException">The numerics do not suit the shape; the message names the layer.</exception>
    public static CostComparison? Cost(LayerSubject subject, LayerShape shape, StampConfig config) =>
        config.Accelerator is { } hw ? subject.Named(() => CostComparison.Evaluate(shape, config.Numerics, config.MacArray, hw)) : null;
}
