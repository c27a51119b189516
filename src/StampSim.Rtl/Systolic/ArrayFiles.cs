using System.Globalization;
using StampSim.Io;
using StampSim.Rtl.Vectors;

namespace StampSim.Rtl.Systolic;

/// <summary>
/// The memory images the array's testbench preloads (<c>$readmemh</c>, one value per line; docs/rtl.md):
/// activation and weight codes, per-token flags, the fold schedule, and the golden accumulators and events.
/// </summary>
public static class ArrayFiles
{
    /// <summary>Writes the images of <paramref name="vectors"/> run as <paramref name="folds"/> into <paramref name="directory"/>.</summary>
    /// <param name="vectors">Codes and golden results (every token of the GEMM).</param>
    /// <param name="folds">The schedule.</param>
    /// <param name="hiTokens">The first this many tokens are high precision.</param>
    /// <param name="directory">Output directory (created).</param>
    public static void Write(TestVectors vectors, IReadOnlyList<Fold> folds, int hiTokens, string directory)
    {
        Directory.CreateDirectory(directory);
        VectorFiles.Hex(directory, "act.hex", w => { foreach (short c in vectors.ActCodes) w.WriteLine(((ushort)c).ToString("x4", CultureInfo.InvariantCulture)); });
        VectorFiles.Hex(directory, "wgt.hex", w => { foreach (short c in vectors.WeightCodes) w.WriteLine(((ushort)c).ToString("x4", CultureInfo.InvariantCulture)); });
        VectorFiles.Hex(directory, "tok.hex", w =>
        {
            for (int t = 0; t < vectors.Tokens.Length; t++)
            {
                int flags = (vectors.Design.IsWide(vectors.TokenBits[t]) ? 1 : 0) | (t < hiTokens ? 2 : 0);
                w.WriteLine(flags.ToString("x4", CultureInfo.InvariantCulture));
            }
        });
        VectorFiles.Hex(directory, "prog.hex", w => { foreach (var f in folds) w.WriteLine(f.Word().ToString("x32", CultureInfo.InvariantCulture)); });
        VectorFiles.Hex(directory, "want.hex", w => { foreach (long a in vectors.Accumulators) w.WriteLine(a.ToString("x16", CultureInfo.InvariantCulture)); });
        VectorFiles.Hex(directory, "events.hex", w =>
        {
            w.WriteLine(vectors.Events.Tree.ToString("x16", CultureInfo.InvariantCulture));
            w.WriteLine(vectors.Events.Accumulator.ToString("x16", CultureInfo.InvariantCulture));
        });
    }
}
