using BenchmarkDotNet.Running;

namespace StampSim.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project src/StampSim.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point (BenchmarkDotNet's switcher: pick benchmarks with --filter).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
