using System.Globalization;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Sweeps;

/// <summary>The Pareto-optimal points of a sweep as text cells, by energy: index, every swept key, latency, energy, DRAM, SQNR, payload bits (a model sweep: TTFT, TPOT, energy per token, SQNR).</summary>
public static class ParetoTable
{
    /// <summary>The first <paramref name="limit"/> Pareto points of <paramref name="t"/> by energy.</summary>
    public static TextTableData Of(SweepTable t, int limit = int.MaxValue)
    {
        if (t.Spec.Model is not null) return OfModel(t, limit);
        var axes = t.Spec.Axes;
        string[] headers = ["index", .. axes.Select(a => a.Key), "latency (us)", "energy (uJ)", "DRAM (MB)", "SQNR (dB)", "payload bits"];
        var right = headers.Select((_, i) => i == 0 || i > axes.Count).ToArray();
        var inv = CultureInfo.InvariantCulture;
        var rows = t.Pareto.OrderBy(r => t.Number(r, "energy_pj")).Take(limit).Select(r => (IReadOnlyList<string>)
        [
            t.Text(r, "index"), .. axes.Select((_, k) => r[t.FirstAxisColumn + k]),
            (t.Number(r, "seconds") * 1e6).ToString("N1", inv), (t.Number(r, "energy_pj") / 1e6).ToString("N2", inv),
            (t.Number(r, "dram_bytes") / 1e6).ToString("N2", inv), t.Number(r, "sqnr_db").ToString("0.00", inv), t.Number(r, "payload_bits").ToString("0.###", inv),
        ]).ToList();
        return new TextTableData(headers, right, rows);
    }

    // A model sweep's front, by decode energy per generated token: TTFT, TPOT, energies per token, SQNR (nan without a trace).
    private static TextTableData OfModel(SweepTable t, int limit)
    {
        var axes = t.Spec.Axes;
        string[] headers = ["index", .. axes.Select(a => a.Key), "TTFT (s)", "TPOT (ms)", "decode energy/token (mJ)", "prefill energy/token (mJ)", "SQNR (dB)", "decode energy vs A8"];
        var right = headers.Select((_, i) => i == 0 || i > axes.Count).ToArray();
        var inv = CultureInfo.InvariantCulture;
        var rows = t.Pareto.OrderBy(r => t.Number(r, "decode_energy_per_token_j")).Take(limit).Select(r => (IReadOnlyList<string>)
        [
            t.Text(r, "index"), .. axes.Select((_, k) => r[t.FirstAxisColumn + k]),
            t.Number(r, "ttft_s").ToString("0.###", inv), (t.Number(r, "tpot_s") * 1e3).ToString("0.###", inv),
            (t.Number(r, "decode_energy_per_token_j") * 1e3).ToString("0.###", inv), (t.Number(r, "prefill_energy_per_token_j") * 1e3).ToString("0.###", inv),
            Display.Db(t.Number(r, "sqnr_db")), t.Number(r, "decode_energy_vs_a8").ToString("0.###", inv),
        ]).ToList();
        return new TextTableData(headers, right, rows);
    }
}
