using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Tensors;
using StampSim.Traces.Npy;

namespace StampSim.App.Bench;

/// <summary>
/// What a user waits for: the wall time of a whole <c>stampsim layer --metrics</c> child process
/// (start-up, reading the .npy inputs, engine, metrics, writing) on the bench's layer, and the part of it
/// that is the child's own engine and metrics (its <c>timing_seconds</c>); the rest is start-up, JIT and I/O.
/// </summary>
internal static class LayerProcess
{
    /// <summary>The child run of median wall time: its wall seconds and its own engine + metrics seconds; nulls with the reason when not measured.</summary>
    public static (double? Seconds, double? OwnSeconds, string Detail) Measure(Matrix<float> x, Matrix<float> w, int threads, int repetitions)
    {
        if (StampsimChild.Unavailable is { } why) return (null, null, why);
        string dir = Directory.CreateTempSubdirectory("stampsim-bench-").FullName;
        try
        {
            string xPath = Path.Combine(dir, "x.npy"), wPath = Path.Combine(dir, "w.npy"), metrics = Path.Combine(dir, "metrics.json");
            NpyFile.Write<float>(xPath, x.Data, x.Rows, x.Cols);
            NpyFile.Write<float>(wPath, w.Data, w.Rows, w.Cols);
            var runs = new (double Wall, double Own)[repetitions];
            for (int i = 0; i < repetitions; i++)
            {
                var run = StampsimChild.Run("layer", "--x", xPath, "--weight", wPath, "--out", Path.Combine(dir, "y.npy"),
                    "--metrics", metrics, "--threads", threads.ToString(CultureInfo.InvariantCulture));
                if (run.Failure("stampsim layer") is { } failure) return (null, null, failure);
                var timing = JsonNode.Parse(File.ReadAllText(metrics))!["timing_seconds"]!;
                runs[i] = (run.Seconds, timing["engine"]!.GetValue<double>() + timing["metrics"]!.GetValue<double>());
            }
            var median = runs.OrderBy(r => r.Wall).ElementAt(repetitions / 2);
            return (median.Wall, median.Own, $"{repetitions} child run(s)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
