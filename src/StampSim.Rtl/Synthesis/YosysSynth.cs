using StampSim.Evaluation;

namespace StampSim.Rtl.Synthesis;

/// <summary>
/// Synthesises one PE column (<c>stamp_mac_column</c>) with Yosys' generic flow at a config's widths, as
/// int4 native, int8 native and int8 two_pass, and reads <c>stat</c> and <c>stat -tech cmos</c>. These are
/// technology-independent sizes: gate counts, not energies.
/// </summary>
public static class YosysSynth
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
        var sources = RtlEmitter.Emit(design, "rtl synth", workDirectory).Where(p => RtlEmitter.DesignFiles.Contains(Path.GetFileName(p))).ToList();
        var results = new List<SynthVariant>();
        foreach (var (key, multiplier) in Variants)
        {
            var variant = design.WithMultiplier(multiplier);
            var count = YosysFlow.Run(workDirectory, key, sources.Select(Path.GetFileName).OfType<string>(), Top, variant.Parameters(), $"the {key} column");
            results.Add(new SynthVariant(key, variant, count.Cells, count.Transistors, count.FlipFlops, multiplier == RtlMultiplier.Int4 ? null : variant.Passes(8)));
        }
        return results;
    }

    /// <summary>The Yosys script for one column.</summary>
    internal static string Script(RtlDesign design, IEnumerable<string> sources, string statFile, string cmosFile) =>
        YosysFlow.Script(sources, Top, design.Parameters(), statFile, cmosFile);

    private const string Top = "stamp_mac_column";
}
