using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using StampSim.Reports.Bench;

namespace StampSim.App.Bench;

/// <summary>
/// A user's NumPy script as the peer: the same-shape float32 GEMM (exact for these integer codes) and the float64
/// GEMM the metrics' reference is (the contract keeps it in float64), medians of repeated runs, with the BLAS library and kernel NumPy ran on. <c>OPENBLAS_CORETYPE</c> and
/// <c>OPENBLAS_L2_SIZE</c> are removed from the child's environment only: set on some machines, they pin
/// OpenBLAS to an older kernel and would make the peer look slower than a user's NumPy is.
/// </summary>
internal static class NumpyBaseline
{
    // threadpoolctl names the library and its kernel; without it the BLAS actually mapped into the
    // process (after the GEMM ran) tells OpenBLAS from Debian's reference libblas. Debian's reference
    // libblas (under .../blas/) mapped at all means NumPy's GEMM ran there, even when OpenBLAS is loaded
    // too (through LAPACK) and threadpoolctl reports it.
    private static string Script(int s, int d, int n, int repetitions) => string.Join('\n',
        "import json, time, numpy as np",
        $"x = np.random.default_rng(0).standard_normal(({s}, {d}), dtype=np.float32)",
        $"w = np.random.default_rng(1).standard_normal(({n}, {d}), dtype=np.float32)",
        "def median_seconds(a, b):",
        "    a @ b.T",
        "    t = []",
        $"    for _ in range({repetitions}):",
        "        start = time.perf_counter(); y = a @ b.T; t.append(time.perf_counter() - start)",
        "    t.sort()",
        "    return t[len(t) // 2]",
        "info = {'seconds': median_seconds(x, w), 'seconds64': median_seconds(x.astype(np.float64), w.astype(np.float64)), 'numpy': np.__version__}",
        "try:",
        "    from threadpoolctl import threadpool_info",
        "    blas = [p for p in threadpool_info() if p.get('user_api') == 'blas']",
        "    if blas: info.update(api=blas[0].get('internal_api'), kernel=blas[0].get('architecture'), threads=blas[0].get('num_threads'), library=blas[0].get('filepath'))",
        "except ImportError:",
        "    pass",
        "maps = sorted({m for m in open('/proc/self/maps').read().split() if 'blas' in m.lower() and '.so' in m})",
        "info['reference'] = [m for m in maps if '/blas/libblas' in m or '/blas/libcblas' in m]",
        "if 'library' not in info:",
        "    info['library'] = ' '.join(maps) if maps else 'unknown'",
        "print(json.dumps(info))");

    /// <summary>Median seconds of <c>X @ W.T</c> in float32 and in float64 with how they were measured, or nulls with the reason.</summary>
    /// <remarks>Null as well when NumPy runs on reference BLAS: a ratio to an unoptimised GEMM would mean nothing.</remarks>
    public static (double? Seconds, double? Float64Seconds, string Detail) Measure(int s, int d, int n, int repetitions)
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3", "python" })
        {
            try
            {
                var psi = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                psi.Environment.Remove("OPENBLAS_CORETYPE");
                psi.Environment.Remove("OPENBLAS_L2_SIZE");
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add(Script(s, d, n, repetitions));
                using var p = Process.Start(psi)!;
                var stderr = p.StandardError.ReadToEndAsync();
                string stdout = p.StandardOutput.ReadToEnd();
                stderr.Wait();
                p.WaitForExit();
                if (p.ExitCode != 0 || JsonNode.Parse(stdout.Trim()) is not JsonObject info)
                    continue;
                return Describe(python, info);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // This interpreter is not installed; try the next.
            }
            catch (System.Text.Json.JsonException)
            {
                // Not our script's output (a wrapper printed something else); try the next.
            }
        }
        return (null, null, "not available (no python3 with NumPy found)");
    }

    private static (double? Seconds, double? Float64Seconds, string Detail) Describe(string python, JsonObject info)
    {
        double seconds = info["seconds"]!.GetValue<double>(), seconds64 = info["seconds64"]!.GetValue<double>();
        string library = info["library"]?.GetValue<string>() ?? "unknown";
        string api = info["api"]?.GetValue<string>() ?? "";
        string kernel = info["kernel"]?.GetValue<string>() ?? "";
        string threads = info["threads"] is JsonNode t ? $", {t} threads" : "";
        string numpy = $"{python}, NumPy {info["numpy"]}";
        if (info["reference"] is JsonArray { Count: > 0 } reference)
            library = string.Join(' ', reference.Select(r => r!.GetValue<string>()));
        bool optimised = info["reference"] is not JsonArray { Count: > 0 } && (api.Length > 0 || library.Contains("openblas", StringComparison.OrdinalIgnoreCase) ||
                         library.Contains("mkl", StringComparison.OrdinalIgnoreCase) || library.Contains("blis", StringComparison.OrdinalIgnoreCase));
        if (!optimised)
            return (null, null, string.Create(CultureInfo.InvariantCulture,
                $"{numpy} on reference BLAS ({library}, {seconds:0.00} s): no ratio; install an optimised BLAS (Debian: libopenblas0-pthread)"));
        string blas = api.Length > 0 ? $"{api} {kernel}{threads} ({library})" : library;
        return (seconds, seconds64, $"{numpy}, {blas}");
    }
}
