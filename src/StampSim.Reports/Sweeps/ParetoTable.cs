using System.Globalization;
using StampSim.Reports.Writers;

namespace StampSim.Reports.Sweeps;

/// <summary>The Pareto-optimal points of a sweep as text cells, by energy: index, every swept key, latency, energy, DRAM, SQNR, payload bits.</summary>
public static class ParetoTable
{
    /// <summary>The first <paramref name="limit"/> Pareto points of <paramref name="t"/> by energy.</summary>
    public static TextTableData Of(SweepTable t, int limit = int.MaxValue)
    {
        var axes = t.Spec.Axes;
        string[] headers = ["index", .. axes.Select(a => a.Key), "latency (us)", "energy (uJ)", "DRAM (MB)", "SQNR (dB)", "payload bits"];
        var right = headers.Select((_, i) => i == 0 || i > axes.Count).ToArray();
        var inv = CultureInfo.InvariantCulture;
        var rows = t.Pareto.OrderBy(r => t.Number(r, "energy_pj")).Take(limit).Select(r => (IReadOnlyList<string>)
        [
            t.Text(r, "index"), .. axes.Select((_, k) => r[SweepTable.FirstAxisColumn + k]),
            (t.Number(r, "seconds") * 1e6).ToString("N1", inv), (t.Number(r, "energy_pj") / 1e6).ToString("N2", inv),
            (t.Number(r, "dram_bytes") / 1e6).ToString("N2", inv), t.Number(r, "sqnr_db").ToString("0.00", inv), t.Number(r, "payload_bits").ToString("0.###", inv),
        ]).ToList();
        return new TextTableData(headers, right, rows);
    }
}
