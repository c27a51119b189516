using System.Globalization;
using StampSim.Hardware;

namespace StampSim.Reports.Writers;

/// <summary>An energy table as text cells (action, pJ, node, source), for report.md and report.html.</summary>
public static class EnergyTableText
{
    /// <summary>One row per entry of <paramref name="energy"/>.</summary>
    public static TextTableData Of(EnergyTable energy) =>
        new(["action", "pJ", "node", "source"], [false, true, false, false],
            energy.Entries.Select(e => (IReadOnlyList<string>)[e.Action.Name, e.Pj.ToString("0.#####", CultureInfo.InvariantCulture), e.Node, e.Source]).ToList());
}
