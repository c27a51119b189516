using StampSim.Models.Linear;
using StampSim.Models.Onnx;

namespace StampSim.Tests.Onnx;

public class OnnxLayerNamesTests
{
    [Theory]
    [InlineData("encoder.layer.0.attention.self.query", LinearKind.AttnQ)]
    [InlineData("encoder.layer.0.attention.self.key", LinearKind.AttnK)]
    [InlineData("encoder.layer.0.attention.self.value", LinearKind.AttnV)]
    [InlineData("encoder.layer.0.attention.output.dense", LinearKind.AttnO)]
    [InlineData("encoder.layer.0.intermediate.dense", LinearKind.MlpFc1)]
    [InlineData("encoder.layer.0.output.dense", LinearKind.MlpFc2)]
    [InlineData("model.layers.3.self_attn.q_proj", LinearKind.AttnQ)]
    [InlineData("model.layers.3.mlp.down_proj", LinearKind.MlpDown)]
    [InlineData("pooler.dense", LinearKind.Linear)]
    [InlineData("MatMul_34", LinearKind.Linear)]
    public void Kind_follows_the_module_path(string name, LinearKind kind) => Assert.Equal(kind, OnnxLayerNames.Kind(name));

    [Fact]
    public void Block_is_the_index_after_layer_or_layers()
    {
        Assert.Equal(5, OnnxLayerNames.Block("encoder.layer.5.output.dense"));
        Assert.Equal(12, OnnxLayerNames.Block("model.layers.12.mlp.up_proj"));
        Assert.Null(OnnxLayerNames.Block("pooler.dense"));
    }

    [Fact]
    public void Name_prefers_a_module_path_over_exporter_placeholders()
    {
        Assert.Equal("encoder.layer.0.attention.self.query", OnnxLayerNames.Name(["encoder.layer.0.attention.self.query.bias", "927"], "MatMul_34"));
        Assert.Equal("pooler.dense", OnnxLayerNames.Name([null, "pooler.dense.weight"], "Gemm_648"));
        Assert.Equal("MatMul_7", OnnxLayerNames.Name([null, "onnx::MatMul_927"], "MatMul_7"));
    }
}
