using StampSim.Reports.Analysis;
using StampSim.Reports.Provenance;

namespace StampSim.Reports.Run;

/// <summary>Everything one <c>stampsim run</c> produced, ready to be written as a report.</summary>
public sealed class RunResult
{
    /// <summary>Collects the run's outcomes and derives totals and rooflines.</summary>
    public RunResult(RunRequest request, TraceSource trace, IReadOnlyList<ConfigSpec> configs, IReadOnlyList<LayerOutcome> layers,
        FocusAnalysis focus, int numericsRuns, RunProvenance provenance, Model.ModelResult? modelLevel = null)
    {
        ModelLevel = modelLevel;
        Request = request;
        Trace = trace;
        Configs = configs;
        Layers = layers;
        Focus = focus;
        NumericsRuns = numericsRuns;
        Provenance = provenance;
        Totals = configs.Select(c => ConfigTotals.Of(c.Label, layers)).ToArray();
        Rooflines = configs.Select(c => Roofline.Of(c, layers)).ToArray();
    }

    /// <summary>What was asked.</summary>
    public RunRequest Request { get; }

    /// <summary>The trace.</summary>
    public TraceSource Trace { get; }

    /// <summary>The configs, in the order given.</summary>
    public IReadOnlyList<ConfigSpec> Configs { get; }

    /// <summary>Every selected layer, in model order.</summary>
    public IReadOnlyList<LayerOutcome> Layers { get; }

    /// <summary>The close look at one layer.</summary>
    public FocusAnalysis Focus { get; }

    /// <summary>How many times the golden engine ran (once per layer and distinct numerics).</summary>
    public int NumericsRuns { get; }

    /// <summary>Tool, machine, command line and times.</summary>
    public RunProvenance Provenance { get; }

    /// <summary>Totals per config, in config order.</summary>
    public IReadOnlyList<ConfigTotals> Totals { get; }

    /// <summary>Roofline per config, in config order.</summary>
    public IReadOnlyList<Roofline> Rooflines { get; }

    /// <summary>
    /// The whole-model cost of the traced model (its architecture named by the trace's manifest), prompt = the
    /// trace's tokens, on every config that describes a vector unit; null when the model is not a known architecture.
    /// </summary>
    public Model.ModelResult? ModelLevel { get; }
}
