using BenchmarkDotNet.Attributes;
using StampSim.Config;
using StampSim.Hardware;

namespace StampSim.Benchmarks;

/// <summary>The cost model: one layer on one accelerator (the tiling search included).</summary>
[MemoryDiagnoser]
public class CostModelBenchmarks
{
    private StampConfig _config = null!;
    private readonly LayerShape _shape = new(LlamaShapes.Tokens, LlamaShapes.Hidden, 14336);

    /// <summary>Shipped config to evaluate on.</summary>
    [Params("edge-npu.yaml", "datacenter.yaml")]
    public string Config { get; set; } = "";

    /// <summary>Loads the embedded config.</summary>
    [GlobalSetup]
    public void Setup() => _config = StampConfig.Parse(StampConfig.ReadEmbedded(Config), Config);

    /// <summary>One layer x one config.</summary>
    [Benchmark]
    public CostResult Evaluate() => CostModel.Evaluate(_shape, _config.Numerics, _config.MacArray, _config.Accelerator!);
}
