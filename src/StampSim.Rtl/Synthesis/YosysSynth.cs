using System.Globalization;
using System.Text.RegularExpressions;
using System.Text;
using StampSim.Evaluation;

namespace StampSim.Rtl.Synthesis;

/// <summary>
/// Synthesises one PE column (<c>stamp_mac_column</c>) with Yosys' generic flow at a config's widths, as
/// int4 native, int8 native and int8 two_pass, and reads <c>stat</c> and <c>stat -tech cmos</c>. These are
/// technology-independent sizes: gate counts, not energies.
/// </summary>
public static partial class YosysSynth
{
    /// <summary>The three variants in report order: key and multiplier.</summary>
    public static IReadOnlyList<(string Key, RtlMultiplier Multiplier)> Variants { get; } =
    [
        ("int4", RtlMultiplier.Int4),
        ("int8", RtlMultiplier.Int8),
        ("int8_two_pass", RtlMultiplier.Int4TwoPass),
    ];

    /// <summary>Synthesises every variant of <paramref name="design"/>'s column in <paramref name="workDirectory"/>.</summary>
    /// <exception cref="InputException">Yosys is missing or fails.</exception>
    public static IReadOnlyList<SynthVariant> Run(RtlDesign design, string workDirectory)
    {
        var yosys = ExternalTool.Require("yosys", "yosys");
        var sources = RtlEmitter.Emit(design, "rtl synth", workDirectory).Where(p => RtlEmitter.DesignFiles.Contains(Path.GetFileName(p))).ToList();
        var results = new List<SynthVariant>();
        foreach (var (key, multiplier) in Variants)
        {
            var variant = design.WithMultiplier(multiplier);
            // Yosys runs in the work directory, so the script names files relative to it (no quoting issues).
            string script = key + ".ys", stat = key + ".stat.txt", cmos = key + ".cmos.txt";
            File.WriteAllText(Path.Combine(workDirectory, script), Script(variant, sources.Select(Path.GetFileName).OfType<string>(), stat, cmos));
            var outcome = yosys.Run(["-q", script], workDirectory);
            stat = Path.Combine(workDirectory, stat);
            cmos = Path.Combine(workDirectory, cmos);
            if (outcome.ExitCode != 0 || !File.Exists(stat) || !File.Exists(cmos))
                throw new InputException($"yosys: synthesis of the {key} column failed: {outcome.FirstErrorLine()}");
            string statText = File.ReadAllText(stat);
            results.Add(new SynthVariant(key, variant, Number(CellsLine(), statText, key), Number(TransistorsLine(), File.ReadAllText(cmos), key),
                FlipFlops(statText), multiplier == RtlMultiplier.Int4 ? null : variant.Passes(8)));
        }
        return results;
    }

    /// <summary>The Yosys script for one column.</summary>
    internal static string Script(RtlDesign design, IEnumerable<string> sources, string statFile, string cmosFile)
    {
        var b = new StringBuilder();
        b.Append("read_verilog -sv");
        foreach (var s in sources) b.Append(' ').Append(s);
        b.AppendLine();
        b.Append("chparam");
        foreach (var (name, value) in design.Parameters()) b.Append(" -set ").Append(name).Append(' ').Append(value);
        b.AppendLine(" stamp_mac_column");
        b.AppendLine("synth -flatten -top stamp_mac_column");
        b.AppendLine($"tee -q -o {statFile} stat");
        b.AppendLine($"tee -q -o {cmosFile} stat -tech cmos");
        return b.ToString();
    }

    private static long Number(Regex pattern, string text, string key)
    {
        var m = pattern.Match(text);
        if (!m.Success) throw new InputException($"yosys: no '{pattern}' in the {key} statistics (unexpected Yosys version?)");
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
