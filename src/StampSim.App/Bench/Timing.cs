using System.Diagnostics;
using StampSim.Reports.Bench;

namespace StampSim.App.Bench;

/// <summary>Median wall time of repeated runs, after one warm-up run (JIT, caches, page faults).</summary>
internal static class Timing
{
    public static double MedianSeconds(int repetitions, Action run)
    {
        run();
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            var clock = Stopwatch.StartNew();
            run();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return repetitions % 2 == 1 ? times[repetitions / 2] : (times[repetitions / 2 - 1] + times[repetitions / 2]) / 2;
    }
}
