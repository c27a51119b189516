using System.Diagnostics;
using System.Globalization;

namespace StampSim.Reports.Bench;

/// <summary>A user's NumPy script as the peer: the same-shape float32 GEMM (exact for these integer codes), median of repeated runs.</summary>
internal static class NumpyBaseline
{
    /// <summary>Median seconds of <c>X @ W.T</c> in float32, or null with the reason when no Python with NumPy is found.</summary>
    public static (double? Seconds, string Detail) Measure(int s, int d, int n, int repetitions)
    {
        string script = string.Join('\n',
            "import numpy as np, time",
            $"x = np.random.default_rng(0).standard_normal(({s}, {d}), dtype=np.float32)",
            $"w = np.random.default_rng(1).standard_normal(({n}, {d}), dtype=np.float32)",
            "x @ w.T",
            "t = []",
            $"for _ in range({repetitions}):",
            "    a = time.perf_counter(); y = x @ w.T; t.append(time.perf_counter() - a)",
            "t.sort()",
            "print(t[len(t) // 2], np.__version__)");
        foreach (var python in new[] { "python3", "/usr/bin/python3", "python" })
        {
            try
            {
                var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(script);
                using var p = Process.Start(psi)!;
                string stdout = p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                var parts = stdout.Trim().Split(' ');
                if (p.ExitCode == 0 && parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
                    return (seconds, $"{python}, NumPy {parts[1]}");
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // This interpreter is not installed; try the next.
            }
        }
        return (null, "not available (no python3 with NumPy found)");
    }
}
