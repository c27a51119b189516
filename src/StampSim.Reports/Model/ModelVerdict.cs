using System.Globalization;
using System.Text;
using StampSim.ModelCost;
using StampSim.Hardware;

namespace StampSim.Reports.Model;

/// <summary>
/// A one-paragraph answer to "is STaMP worth building on this design", computed from the figures: per config,
/// STaMP's prefill time and energy against A8 (the accuracy it aims for) and A4 (the speed it aims for), what
/// decode gains (STaMP decodes with its fallback), and the SQNR gap when a trace was evaluated.
/// </summary>
public static class ModelVerdict
{
    /// <summary>The paragraph.</summary>
    public static string Text(ModelResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        string unit = r.Architecture.Family.Decodes ? "prompt token" : "image";
        foreach (var c in r.Configs)
        {
            var (s, a4, a8) = (c.Of(Variant.Stamp), c.Of(Variant.A4), c.Of(Variant.A8));
            if (s.Infeasible is not null) { sb.Append($"On {c.Config.Label} STaMP cannot run this model ({s.Infeasible}). "); continue; }
            double? prefillJ(VariantCost v) => r.Architecture.Family.Decodes ? v.PrefillEnergyPerTokenJ : v.EnergyPerImageJ;
            sb.Append(string.Create(inv, $"On {c.Config.Label}, STaMP's {(r.Architecture.Family.Decodes ? "prefill" : "pass")} takes {Ratio(s.TtftSeconds, a8.TtftSeconds)} of A8's time " +
                                         $"and {Ratio(prefillJ(s), prefillJ(a8))} of its energy per {unit} ({Ratio(s.TtftSeconds, a4.TtftSeconds)} and {Ratio(prefillJ(s), prefillJ(a4))} of A4's)"));
            if (s.TpotSeconds is not null)
                sb.Append(string.Create(inv, $"; decode (STaMP's per-token fallback) takes {Ratio(s.TpotSeconds, a8.TpotSeconds)} of A8's time per token"));
            sb.Append(". ");
        }
        if (r.Accuracy is { } acc)
            sb.Append($"On the trace, STaMP's pooled SQNR is {Writers.Display.Delta(acc.SqnrDb[Variant.Stamp] - acc.SqnrDb[Variant.A4])} dB from A4's and " +
                      $"{Writers.Display.Delta(acc.SqnrDb[Variant.Stamp] - acc.SqnrDb[Variant.A8])} dB from A8's. ");
        else
            sb.Append("No trace was evaluated, so accuracy is not weighed here (pass --trace with a trace of this model). ");
        var faster = r.Configs.Where(c => c.Of(Variant.Stamp).TtftSeconds is double st && c.Of(Variant.A8).TtftSeconds is double a && st < a).Select(c => c.Config.Label).ToList();
        if (faster.Count == 0)
            sb.Append("STaMP does not beat A8's time to first token on any design here, so it is not worth building for this model on them.");
        else if (r.Accuracy is null)
            sb.Append($"STaMP beats A8's time to first token on {string.Join(", ", faster)}; whether that is worth building depends on STaMP keeping A8-like accuracy, which needs a trace.");
        else
            sb.Append($"STaMP beats A8's time to first token on {string.Join(", ", faster)}; it is worth building there if the SQNR gap to A8 above is acceptable.");
        return sb.ToString();
    }

    private static string Ratio(double? a, double? b) => a is double x && b is double y && y > 0 ? (x / y).ToString("0.00x", CultureInfo.InvariantCulture) : "n/a";
}
