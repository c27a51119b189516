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

    /// <summary>The package holding the whole array's weight-path parameters (generated from its template).</summary>
    public const string ArrayPackage = "stamp_array_pkg.sv";

    /// <summary>The whole array's testbench.</summary>
    public const string ArrayTestbench = "stamp_ws_tb.sv";

    /// <summary>The whole array's modules, leaves first; <c>stamp_ws_system</c> is the top below the testbench.</summary>
    public static IReadOnlyList<string> ArrayDesignFiles { get; } =
        ["stamp_bring.sv", "stamp_brick.sv", "stamp_pe_mul.sv", "stamp_ws_pe.sv", "stamp_ws_array.sv", "stamp_ws_system.sv"];

    /// <summary>Every file <see cref="EmitArray"/> writes, in compile order.</summary>
    public static IReadOnlyList<string> ArrayFiles { get; } = [ConfigPackage, ArrayPackage, .. ArrayDesignFiles, ArrayTestbench];

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

    /// <summary>Writes the whole array's files into <paramref name="directory"/> (created if needed); returns the paths in compile order.</summary>
    /// <param name="design">The array.</param>
    /// <param name="source">Where the design came from, named in the packages' header comments.</param>
    /// <param name="directory">Output directory.</param>
    public static IReadOnlyList<string> EmitArray(Systolic.ArrayDesign design, string source, string directory)
    {
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var name in ArrayFiles)
        {
            string path = Path.Combine(directory, name);
            string text = name switch
            {
                ConfigPackage => ConfigPackageText(design.Column, source),
                ArrayPackage => ArrayPackageText(design, source),
                _ => Template(name),
            };
            AtomicFile.WriteAllText(path, text);
            paths.Add(path);
        }
        return paths;
    }

    /// <summary>The text of the array package for <paramref name="design"/>.</summary>
    public static string ArrayPackageText(Systolic.ArrayDesign design, string source)
    {
        var text = Template(ArrayPackage)
            .Replace("{{SOURCE}}", source)
            .Replace("{{LOAD_BYTES}}", design.LoadBytesPerCycle.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{{CODE_BITS}}", design.CodeBits.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{{DOUBLE_BUFFERED}}", design.DoubleBuffered ? "true" : "false");
        foreach (var (name, value) in design.Parameters())
            text = text.Replace("{{" + name + "}}", value);
        return text;
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
