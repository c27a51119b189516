using StampSim.Cli;

namespace StampSim.Tests.Support;

/// <summary>Runs <c>stampsim</c> in-process and captures what it prints.</summary>
internal static class Harness
{
    public sealed record Outcome(int Code, string Out, string Err)
    {
        public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = StampSimCli.Run(args, stdout, stderr);
        return new Outcome(code, stdout.ToString().Replace("\r\n", "\n"), stderr.ToString().Replace("\r\n", "\n"));
    }

    /// <summary>Asserts exit code 2 with exactly one stderr line, no stack trace, containing <paramref name="message"/>.</summary>
    public static void AssertBadInput(Outcome r, string message)
    {
        Assert.True(r.Code == 2, $"exit code {r.Code}, stderr: {r.Err}");
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one stderr line, got: {r.Err}");
        Assert.StartsWith("stampsim: error: ", lines[0]);
        Assert.Contains(message, lines[0]);
        Assert.DoesNotContain("   at ", r.Err);
    }

    /// <summary>Writes a random layer (X, W, b as .npy, values uniform in [-1, 1)) into <paramref name="dir"/>.</summary>
    public static (string X, string W, string B) WriteRandomLayer(TempDir dir, int seed, int s, int d, int n)
    {
        var rng = new Random(seed);
        float[] Rand(int count) => Enumerable.Range(0, count).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        string x = dir.File("x.npy"), w = dir.File("w.npy"), b = dir.File("b.npy");
        StampSim.Traces.Npy.NpyFile.Write<float>(x, Rand(s * d), s, d);
        StampSim.Traces.Npy.NpyFile.Write<float>(w, Rand(n * d), n, d);
        StampSim.Traces.Npy.NpyFile.Write<float>(b, Rand(n), n);
        return (x, w, b);
    }

    /// <summary>A trace fixture written by tests/StampSim.Core.Tests/Traces/Fixtures/make_fixtures.py.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Traces", "Fixtures", name);

    /// <summary>Fixture values: activations (k - 7) / 8, weights (k % 5 - 2) / 4, biases k / 2 at flat index k.</summary>
    public static float Act(int k) => (k - 7) / 8f;

    public static float Weight(int k) => (k % 5 - 2) / 4f;

    public static float Bias(int k) => k / 2f;
}
