using StampSim.Sweeps;

namespace StampSim.Reports.Sweeps;

/// <summary>The rows of a sweep folder's points.csv and pareto.csv, with typed access to the result columns.</summary>
public sealed class SweepTable
{
    private readonly string[] _columns;

    private SweepTable(SweepSpec spec, string[] columns, IReadOnlyList<string[]> points, IReadOnlyList<string[]> pareto)
    {
        Spec = spec;
        _columns = columns;
        Points = points;
        Pareto = pareto;
    }

    /// <summary>Column of the first swept key (right after <c>trace</c>, as <see cref="PointsCsv.Header"/> writes them for either workload).</summary>
    public int FirstAxisColumn => Array.IndexOf(_columns, "trace") + 1;

    /// <summary>The spec.</summary>
    public SweepSpec Spec { get; }

    /// <summary>Every point, sorted by index.</summary>
    public IReadOnlyList<string[]> Points { get; }

    /// <summary>The Pareto-optimal points, sorted by index.</summary>
    public IReadOnlyList<string[]> Pareto { get; }

    /// <summary>Feasible points.</summary>
    public IEnumerable<string[]> Feasible => Points.Where(r => Text(r, "feasible") == "true");

    /// <summary>Reads a complete sweep folder.</summary>
    public static SweepTable Read(string dir, SweepSpec spec)
    {
        string header = PointsCsv.Header(spec);
        var points = PointsCsv.Read(Path.Combine(dir, SweepFolder.PointsFile), header).Values.ToArray();
        var pareto = PointsCsv.Read(Path.Combine(dir, SweepFolder.ParetoFile), header).Values.ToArray();
        return new SweepTable(spec, PointsCsv.Split(header.TrimEnd('\n')), points, pareto);
    }

    /// <summary>A cell as text.</summary>
    public string Text(string[] row, string column) => row[Array.IndexOf(_columns, column)];

    /// <summary>A cell as a number.</summary>
    public double Number(string[] row, string column) => PointsCsv.ParseNumber(Text(row, column));
}
