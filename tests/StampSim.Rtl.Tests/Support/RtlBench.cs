using StampSim.Config;
using StampSim.Numerics;
using StampSim.Rtl.Simulation;
using StampSim.Rtl.Vectors;
using StampSim.Rtl;

namespace StampSim.Tests.Support;

/// <summary>Configs, vectors and simulator runs for the RTL tests.</summary>
internal static class RtlBench
{
    /// <summary>Serial execution keeps the many small test runs off the shared cores.</summary>
    public static ExecutionOptions Serial { get; } = new(MaxThreads: 1);

    /// <summary>A shipped hwconfig with overrides (<c>numerics.accumulator.tree_bits=12</c>, ...).</summary>
    public static StampConfig Config(string name, params string[] overrides) =>
        StampConfig.Load(Path.Combine(SharedData.RepoRoot(), "hwconfigs", name + ".yaml"), overrides);

    /// <summary>Vectors of a random layer (all tokens).</summary>
    public static TestVectors Random(StampConfig config, int tokens, int features, int outputs, int seed = 1) =>
        TestVectors.Generate(config, RandomLayer.Create(tokens, features, outputs, seed), null, Serial);

    /// <summary>
    /// Writes the vectors and the emitted RTL (changed by <paramref name="mutate"/>, which edits
    /// stamp_mac_column.sv) under <paramref name="dir"/> and runs the testbench.
    /// </summary>
    public static SimulationResult Verify(TestVectors vectors, SimulatorKind kind, TempDir dir, Func<string, string>? mutate = null)
    {
        string vectorDir = Path.Combine(dir.Root, "vectors");
        if (!File.Exists(Path.Combine(vectorDir, VectorFiles.Manifest))) VectorFiles.Write(vectors, vectorDir);
        string rtlDir = Path.Combine(dir.Root, "rtl-" + Guid.NewGuid().ToString("N")[..8]);
        var sources = RtlEmitter.Emit(vectors.Design, "tests", rtlDir);
        if (mutate is not null)
        {
            string column = Path.Combine(rtlDir, "stamp_mac_column.sv");
            string before = File.ReadAllText(column);
            string after = mutate(before);
            Assert.NotEqual(before, after);
            File.WriteAllText(column, after);
        }
        return Simulators.Run(kind, sources, vectorDir, vectors.Records.Length, Path.Combine(rtlDir, "build"));
    }

    /// <summary>Asserts a clean run over every record.</summary>
    public static void AssertClean(SimulationResult result, TestVectors vectors)
    {
        Assert.True(result.Mismatches == 0, result.Summary);
        Assert.Equal(vectors.Records.Length, result.Vectors);
    }

    /// <summary>Signed bits needed to hold <paramref name="v"/>.</summary>
    public static int BitsFor(long v) => 65 - (int)long.LeadingZeroCount(v < 0 ? ~v : v);
}
