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

    /// <summary>The verdict on a kernel's dumps: per stage golden and isolated mismatches, the first few with their inputs, the events, the first failing stage.</summary>
    public static void PrintVerdict(TextWriter o, ExternalVerdict verdict)
    {
        var stages = verdict.Stages;
        int width = Math.Max(5, stages.Max(s => s.Stage.Name.Length));
        o.WriteLine($"{"stage".PadRight(width)}  {"elements",10}  {"mismatches",10}  {"isolated",10}  {"max abs err",12}  {"max ulp",8}  {"sign flips",10}  ulp histogram {string.Join(" | ", UlpHistogram.Labels)}");
        foreach (var s in stages)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Stage.Name.PadRight(width)}  {s.Golden.Elements,10}  {s.Golden.Mismatches,10}  {s.Isolated.Mismatches,10}  {s.Golden.MaxAbsErrorText,12}  {s.Golden.MaxUlpText,8}  {s.Golden.SignFlips,10}  {string.Join(" | ", s.Golden.Histogram.Counts)}"));
        var events = verdict.GoldenEvents;
        o.WriteLine($"overflow     golden GEMM: {events.Tree} adder-tree and {events.Accumulator} accumulator range events" +
                    (verdict.EventsCompared ? "" : events.Total > 0 ? " (not compared: give events.npy)" : ""));
        foreach (var s in stages.Where(s => !s.Exact))
        {
            string note = s.Passes ? $" (within {s.Tolerance} ulp of its own inputs: passes)" : "";
            o.WriteLine($"{s.Stage.Name}: {s.Golden.Mismatches} differ from golden, {s.Isolated.Mismatches} from its own inputs{note}; {string.Join("; ", s.Affected)}");
            foreach (var m in s.First)
                o.WriteLine($"  [{string.Join(", ", m.Index)}] expected {m.Expected}, got {m.Actual}{(m.Inputs is null ? "" : "  (" + m.Inputs + ")")}");
        }
        var first = verdict.FirstFailingStage;
        string eventsNote = verdict.EventsCompared || events.Total == 0 ? "" : $"; the golden GEMM brought {events.Total} values into range";
        int within = stages.Count(s => s.Passes && !s.Exact);
        o.WriteLine(first is not null
            ? $"result      {stages.Count(s => !s.Passes)} of {stages.Count} stages differ; first failing stage: {first.Name}{eventsNote}"
            : within > 0
                ? $"result      {stages.Count - within} of {stages.Count} stages bit-identical, {within} within {stages[0].Tolerance} ulp{eventsNote}"
                : $"result      all {stages.Count} stages bit-identical{eventsNote}");
    }
}
