using StampSim.Config;
using StampSim.ModelCost;

namespace StampSim.Sweeps;

/// <summary>
/// The <c>model:</c> workload of a sweep: every point is the whole-model cost (<see cref="ModelCostModel"/>) of
/// <see cref="Arch"/> running the request on the point's config, as <c>stampsim model --config base --set point</c> gives it.
/// </summary>
/// <param name="Arch">A preset name, a <c>config.json</c> path or a model folder (<see cref="ArchitectureReader.Load"/>).</param>
/// <param name="Request">Prompt, generated tokens and batch.</param>
public sealed record SweepModel(string Arch, InferenceRequest Request)
{
    /// <summary>Reads <c>model: { arch, prompt, decode, batch }</c>; unknown keys are refused.</summary>
    public static SweepModel Read(ConfigSection s)
    {
        var defaults = new InferenceRequest();
        var model = new SweepModel(s.RequiredString("arch"), new InferenceRequest(
            Prompt: s.Int("prompt", defaults.Prompt, 1, int.MaxValue / 4),
            Decode: s.Int("decode", defaults.Decode, 0, int.MaxValue / 4),
            Batch: s.Int("batch", defaults.Batch, 1, int.MaxValue)));
        s.RejectUnknownKeys();
        return model;
    }
}
