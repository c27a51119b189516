using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using StampSim.Evaluation;

namespace StampSim.Rtl.Synthesis;

/// <summary>
/// The one Yosys flow every <c>rtl synth</c> module goes through: read the SystemVerilog, set the top's
/// parameters, <c>synth -flatten</c>, and read <c>stat</c> and <c>stat -tech cmos</c>.
/// </summary>
internal static partial class YosysFlow
{
    /// <summary>The Yosys script that synthesises <paramref name="top"/> with <paramref name="parameters"/>.</summary>
    public static string Script(IEnumerable<string> sources, string top, IEnumerable<(string Name, string Value)> parameters, string statFile, string cmosFile)
    {
        var b = new StringBuilder();
        b.Append("read_verilog -sv");
        foreach (var s in sources) b.Append(' ').Append(s);
        b.AppendLine();
        b.Append("chparam");
        foreach (var (name, value) in parameters) b.Append(" -set ").Append(name).Append(' ').Append(value);
        b.AppendLine(" " + top);
        b.AppendLine("synth -flatten -top " + top);
        b.AppendLine($"tee -q -o {statFile} stat");
        b.AppendLine($"tee -q -o {cmosFile} stat -tech cmos");
        return b.ToString();
    }

    /// <summary>Synthesises <paramref name="top"/> in <paramref name="workDirectory"/> and reads its statistics.</summary>
    /// <param name="workDirectory">Holds <paramref name="sources"/>; the script and statistics are written there.</param>
    /// <param name="key">Names the script and statistics files.</param>
    /// <param name="sources">SystemVerilog files, relative to <paramref name="workDirectory"/>, leaves first.</param>
    /// <param name="top">The module synthesised.</param>
    /// <param name="parameters">Its parameter values.</param>
    /// <param name="what">Names the module in an error (<c>the int8 column</c>).</param>
    /// <exception cref="InputException">Yosys is missing or fails, or its statistics lack a count.</exception>
    public static GateCount Run(string workDirectory, string key, IEnumerable<string> sources, string top,
        IEnumerable<(string Name, string Value)> parameters, string what)
    {
        // Yosys runs in the work directory, so the script names files relative to it (no quoting issues).
        string script = key + ".ys", stat = key + ".stat.txt", cmos = key + ".cmos.txt";
        File.WriteAllText(Path.Combine(workDirectory, script), Script(sources, top, parameters, stat, cmos));
        var outcome = ExternalTool.Require("yosys", "yosys").Run(["-q", script], workDirectory);
        stat = Path.Combine(workDirectory, stat);
        cmos = Path.Combine(workDirectory, cmos);
        if (outcome.ExitCode != 0 || !File.Exists(stat) || !File.Exists(cmos))
            throw new InputException($"yosys: synthesis of {what} failed: {outcome.FirstErrorLine()}");
        string statText = File.ReadAllText(stat);
        return new GateCount(Number(CellsLine(), statText, what), Number(TransistorsLine(), File.ReadAllText(cmos), what), FlipFlops(statText));
    }

    private static long Number(Regex pattern, string text, string what)
    {
        var m = pattern.Match(text);
        if (!m.Success) throw new InputException($"yosys: no '{pattern}' in the statistics of {what} (unexpected Yosys version?)");
        return long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static long FlipFlops(string stat) =>
        FlipFlopLine().Matches(stat).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"Number of cells:\s+(\d+)")]
    private static partial Regex CellsLine();

    [GeneratedRegex(@"Estimated number of transistors:\s+(\d+)")]
    private static partial Regex TransistorsLine();

    [GeneratedRegex(@"\$_S?DFF\w*\s+(\d+)")]
    private static partial Regex FlipFlopLine();
}
