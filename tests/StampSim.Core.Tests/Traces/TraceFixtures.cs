using StampSim.Tests.Support;

namespace StampSim.Tests.Traces;

/// <summary>The fixtures of make_fixtures.py: their paths and the formulas their values follow.</summary>
internal static class TraceFixtures
{
    public static string Path(string name) => TestData.Fixture("Traces", "Fixtures", name);

    /// <summary>Activation value at flat index k.</summary>
    public static float Act(int k) => (k - 7) / 8f;

    /// <summary>Weight value at flat index k.</summary>
    public static float Weight(int k) => (k % 5 - 2) / 4f;

    /// <summary>Bias value at index k.</summary>
    public static float Bias(int k) => k / 2f;

    public static void AssertFormula(ReadOnlySpan<float> data, Func<int, float> formula, string what)
    {
        for (int k = 0; k < data.Length; k++)
            if (data[k] != formula(k))
                Assert.Fail($"{what}: element {k} is {data[k]}, expected {formula(k)}");
    }
}
