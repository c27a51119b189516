using StampSim.Io;
using StampSim.Numerics;

namespace StampSim.Rtl;

/// <summary>
/// Writes the SystemVerilog of a configured array slice from the embedded templates: the parameterised
/// modules unchanged, the configuration package with the design's parameter values, and the testbench.
/// </summary>
public static class RtlEmitter
{
    /// <summary>The package holding the configured parameter values (generated from its template).</summary>
    public const string ConfigPackage = "stamp_config_pkg.sv";

    /// <summary>The self-checking testbench.</summary>
    public const string Testbench = "stamp_mac_tb.sv";

    /// <summary>The design modules, leaves first; <c>stamp_mac_column</c> is the top.</summary>
    public static IReadOnlyList<string> DesignFiles { get; } =
        ["stamp_bring.sv", "stamp_brick.sv", "stamp_pe_mul.sv", "stamp_adder_tree.sv", "stamp_mac_column.sv"];

    /// <summary>Every file <see cref="Emit"/> writes, in compile order.</summary>
    public static IReadOnlyList<string> AllFiles { get; } = [ConfigPackage, .. DesignFiles, Testbench];

    /// <summary>Writes every file into <paramref name="directory"/> (created if needed); returns the paths in compile order.</summary>
    /// <param name="design">The slice.</param>
    /// <param name="source">Where the design came from, named in the package's header comment.</param>
    /// <param name="directory">Output directory.</param>
    public static IReadOnlyList<string> Emit(RtlDesign design, string source, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var name in AllFiles)
        {
            string path = Path.Combine(directory, name);
            string text = name == ConfigPackage ? ConfigPackageText(design, source) : Template(name);
            AtomicFile.WriteAllText(path, text);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The text of the configuration package for <paramref name="design"/>.</summary>
    public static string ConfigPackageText(RtlDesign design, string source)
    {
        var text = Template(ConfigPackage)
            .Replace("{{SOURCE}}", source)
            .Replace("{{COLS}}", design.Cols.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{{MULTIPLIER}}", design.Multiplier == RtlMultiplier.Int8 ? "int8" : "int4")
            .Replace("{{EIGHT_BIT_MODE}}", design.Multiplier switch
            {
                RtlMultiplier.Int8 => "native",
                RtlMultiplier.Int4Fused => "fused",
                RtlMultiplier.Int4TwoPass => "two_pass",
                _ => "none (4-bit tokens only)",
            })
            .Replace("{{OVERFLOW}}", ConfigNames.Of(design.Overflow));
        foreach (var (name, value) in design.Parameters())
            text = text.Replace("{{" + name + "}}", value);
        return text;
    }

    /// <summary>An embedded template's text.</summary>
    public static string Template(string name)
    {
        using var stream = typeof(RtlEmitter).Assembly.GetManifestResourceStream("StampSim.Rtl.Templates." + name)
            ?? throw new InvalidOperationException($"template {name} is missing from the assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
