using BenchmarkDotNet.Attributes;
using StampSim.Config;
using StampSim.ModelCost;

namespace StampSim.Benchmarks;

/// <summary>
/// The model-level cost (issue targets: a whole Llama-3-8B run, prefill 2048 and 128 decode steps,
/// three variants on one config, under 1 s; a prompt sweep of 6 lengths on 5 configs under 10 s).
/// </summary>
[MemoryDiagnoser]
public class ModelCostBenchmarks
{
    private static readonly string[] Shipped = ["edge-npu.yaml", "mobile-npu.yaml", "datacenter.yaml", "bitfusion.yaml", "int8-baseline.yaml"];
    private static readonly int[] Prompts = [256, 512, 1024, 2048, 4096, 8192];
    private StampConfig[] _configs = [];
    private ModelArchitecture _llama = null!;

    /// <summary>Loads the configs and the preset.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _configs = Shipped.Select(c => StampConfig.Parse(StampConfig.ReadEmbedded(c), c)).ToArray();
        _llama = ArchitectureReader.Load("llama-3-8b");
    }

    /// <summary>Llama-3-8B, prompt 2048, 128 decode steps, STaMP/A4/A8 on edge-npu.</summary>
    [Benchmark]
    public int Llama3_8B_one_config() => ModelCostModel.Evaluate(_llama, new InferenceRequest(), _configs[0], Shipped[0]).Count;

    /// <summary>The same for 6 prompt lengths on 5 configs.</summary>
    [Benchmark]
    public int Prompt_sweep_6_lengths_5_configs()
    {
        int n = 0;
        foreach (var c in _configs)
            foreach (int p in Prompts)
                n += ModelCostModel.Evaluate(_llama, new InferenceRequest(Prompt: p), c, "config").Count;
        return n;
    }
}
