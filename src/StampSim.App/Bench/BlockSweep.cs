using System.Globalization;
using StampSim.Config;

namespace StampSim.App.Bench;

/// <summary>
/// Many numerics on one reference: a sweep of <see cref="Settings"/> numerics settings (<c>numerics.hi_tokens</c> x
/// <c>numerics.lo_bits</c>) over a synthetic one-block Llama-3-8B-shaped trace (f16) against one <c>replay</c> of the
/// same trace, both as child processes in one run. A sweep that computed every layer's float64 reference once per
/// setting would take about <see cref="Settings"/> replays.
/// </summary>
internal static class BlockSweep
{
    /// <summary>The numerics settings the sweep evaluates.</summary>
    public const int Settings = 8;

    // 4 x 2 = 8 settings, one accelerator config: 8 distinct numerics, each needing the same references.
    private const string Axes = "axes:\n  numerics.hi_tokens: [0, 16, 64, 128]\n  numerics.lo_bits: [2, 4]\n";

    /// <summary>Wall seconds of one replay and of the sweep, both on <paramref name="configPath"/> (null: the embedded default config), or nulls with the reason.</summary>
    public static (double? ReplaySeconds, double? SweepSeconds, string Detail) Measure(string? configPath, int threads, Action<string> progress)
    {
        if (StampsimChild.Unavailable is { } why) return (null, null, why);
        string dir = Directory.CreateTempSubdirectory("stampsim-bench-block-").FullName;
        try
        {
            string trace = Path.Combine(dir, "llama1.safetensors"), spec = Path.Combine(dir, "block8.yaml"), config = Path.GetFullPath(configPath ?? Path.Combine(dir, "config.yaml"));
            if (configPath is null) File.WriteAllText(config, StampConfig.ReadEmbedded(StampConfig.DefaultResource));
            string t = threads.ToString(CultureInfo.InvariantCulture);
            progress("synthetic Llama-3-8B block (f16)");
            var synth = StampsimChild.Run("synth", "--model-shape", "llama-3-8b", "--blocks", "1", "--seed", "7", "--dtype", "f16", "--out", trace, "--threads", t);
            if (synth.Failure("stampsim synth") is { } failure) return (null, null, failure);
            File.WriteAllText(spec, $"trace: {trace}\nconfig: {config}\n{Axes}");
            progress("one replay of the block");
            var replay = StampsimChild.Run("replay", "--trace", trace, "--config", config, "--threads", t);
            if (replay.Failure("stampsim replay") is { } replayFailure) return (null, null, replayFailure);
            progress($"sweep of {Settings} numerics over the block");
            var sweep = StampsimChild.Run("sweep", spec, "--out", Path.Combine(dir, "sweep"), "--threads", t);
            if (sweep.Failure("stampsim sweep") is { } sweepFailure) return (null, null, sweepFailure);
            return (replay.Seconds, sweep.Seconds, string.Create(CultureInfo.InvariantCulture,
                $"sweep {sweep.Seconds:0.0} s, replay {replay.Seconds:0.0} s (hi_tokens 0/16/64/128 x lo_bits 2/4)"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
