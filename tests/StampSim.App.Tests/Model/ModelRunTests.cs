using StampSim.App.Model;
using StampSim.ModelCost;
using StampSim.Numerics;
using StampSim.Reports.Run;

namespace StampSim.Tests.Model;

public class ModelRunTests
{
    [Theory]
    [InlineData("vit-b-16", "vit")]
    [InlineData("pixart-sigma-xl-2-1024", "dit")]
    public void A_prompt_sweep_of_a_model_without_a_prompt_is_refused(string preset, string family)
    {
        var arch = ArchitectureReader.Load(preset);
        var e = Assert.Throws<InputException>(() => ModelRun.Execute(arch, new InferenceRequest(), [ConfigSpec.Load(null, [])], [256, 512], null,
            ExecutionOptions.Default, ["stampsim", "model"], DateTimeOffset.UtcNow));
        Assert.Equal($"--sweep-prompt: {preset} is a {family} model, which has no prompt to sweep (only decoders do)", e.Message);
    }

    [Fact]
    public void A_prompt_sweep_of_a_decoder_costs_every_prompt_length()
    {
        var arch = ArchitectureReader.Load("stories260K");
        var result = ModelRun.Execute(arch, new InferenceRequest(Prompt: 64, Decode: 4), [ConfigSpec.Load(null, [])], [16, 32], null,
            ExecutionOptions.Default, ["stampsim", "model"], DateTimeOffset.UtcNow);
        Assert.Equal([16, 32], result.Configs[0].Sweep.Select(s => s.Prompt));
    }
}
