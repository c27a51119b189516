using System.Globalization;
using StampSim.Gpu.Crosscheck;

namespace StampSim.Cli.Commands;

/// <summary>The per-stage table of <c>stampsim crosscheck</c>: plain aligned text, one row per stage.</summary>
internal static class CrosscheckReport
{
    public static void Print(TextWriter o, IReadOnlyList<StageComparison> stages, bool histogram)
    {
        int width = Math.Max(5, stages.Max(s => s.Stage.Length));
        o.WriteLine($"{"stage".PadRight(width)}  {"elements",10}  {"mismatches",10}  {"first mismatch",-22}  {"max abs err",12}  {"max ulp",8}" +
                    (histogram ? "  ulp histogram " + string.Join(" | ", UlpHistogram.Labels) : ""));
        foreach (var s in stages)
        {
            string row = string.Create(CultureInfo.InvariantCulture,
                $"{s.Stage.PadRight(width)}  {s.Elements,10}  {s.Mismatches,10}  {s.FirstMismatchText,-22}  {s.MaxAbsErrorText,12}  {s.MaxUlpText,8}");
            if (histogram) row += "  " + string.Join(" | ", s.Histogram.Counts);
            o.WriteLine(row);
        }
        foreach (var s in stages.Where(s => !s.Matches))
            o.WriteLine($"first difference in {s.Stage} at {s.FirstMismatchText}: golden {s.FirstExpected}, got {s.FirstActual}");
        int bad = stages.Count(s => !s.Matches);
        o.WriteLine(bad == 0
            ? $"result      all {stages.Count} stages bit-identical"
            : $"result      {bad} of {stages.Count} stages differ; first: {stages.First(s => !s.Matches).Stage}");
    }
}
