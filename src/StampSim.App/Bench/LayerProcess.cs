using System.Diagnostics;
using System.Reflection;
using StampSim.Tensors;
using StampSim.Traces.Npy;
using StampSim.Reports.Bench;

namespace StampSim.App.Bench;

/// <summary>
/// What a user waits for: the wall time of a whole <c>stampsim layer --metrics</c> child process
/// (start-up, reading the .npy inputs, engine, metrics, writing) on the bench's layer.
/// </summary>
internal static class LayerProcess
{
    /// <summary>Median wall seconds of <paramref name="repetitions"/> child runs, or null with the reason.</summary>
    public static (double? Seconds, string Detail) Measure(Matrix<float> x, Matrix<float> w, int threads, int repetitions)
    {
        if (Environment.ProcessPath is not { } exe)
            return (null, "no executable path");
        // Under `dotnet stampsim.dll` the process is the host; the program is the entry assembly.
        string? program = Path.GetFileNameWithoutExtension(exe) == "dotnet" ? Assembly.GetEntryAssembly()?.Location : null;
        string dir = Directory.CreateTempSubdirectory("stampsim-bench-").FullName;
        try
        {
            string xPath = Path.Combine(dir, "x.npy"), wPath = Path.Combine(dir, "w.npy");
            NpyFile.Write<float>(xPath, x.Data, x.Rows, x.Cols);
            NpyFile.Write<float>(wPath, w.Data, w.Rows, w.Cols);
            var times = new double[repetitions];
            for (int i = 0; i < repetitions; i++)
            {
                var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                if (program is not null) psi.ArgumentList.Add(program);
                foreach (var a in new[] { "layer", "--x", xPath, "--weight", wPath, "--out", Path.Combine(dir, "y.npy"),
                             "--metrics", Path.Combine(dir, "metrics.json"), "--threads", threads.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                    psi.ArgumentList.Add(a);
                var clock = Stopwatch.StartNew();
                using var p = Process.Start(psi)!;
                var stderr = p.StandardError.ReadToEndAsync();
                p.StandardOutput.ReadToEnd();
                stderr.Wait();
                p.WaitForExit();
                times[i] = clock.Elapsed.TotalSeconds;
                if (p.ExitCode != 0)
                    return (null, $"stampsim layer failed: {stderr.Result.Trim()}");
            }
            Array.Sort(times);
            return (times[repetitions / 2], $"{repetitions} child run(s)");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
