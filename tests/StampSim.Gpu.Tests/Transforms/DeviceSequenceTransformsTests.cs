using StampSim.Gpu.Transforms;
using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

/// <summary>The GPU's kernel registry against the golden transform registry (bit-exactness of each kernel: GpuLayerTests).</summary>
public class DeviceSequenceTransformsTests
{
    [Fact]
    public void Every_golden_transform_has_gpu_kernels_and_every_kernel_mirrors_a_golden_transform()
    {
        Assert.Equal(SequenceTransformRegistry.BuiltIn.Names, DeviceSequenceTransforms.BuiltIn.Names);
        Assert.All(SequenceTransformRegistry.BuiltIn.Descriptors, d => Assert.Equal(d.Kind, DeviceSequenceTransforms.BuiltIn.For(d.Kind).Kind));
    }

    [Fact]
    public void A_transform_without_gpu_kernels_is_refused_naming_those_there_are()
    {
        var e = Assert.Throws<InputException>(() => DeviceSequenceTransforms.BuiltIn.For(new SequenceTransformKind("sign_flip")));
        Assert.Equal("numerics.transform: the GPU has no kernels for sequence transform 'sign_flip' (it runs: none, haar, haar2d, dct, wht)", e.Message);
    }
}
