using System.Text.Json;
using StampSim.Numerics;

namespace StampSim.Tests;

/// <summary><see cref="TransformLevels"/> is <c>auto</c> by default and spells itself as the config does, in text and JSON.</summary>
public class TransformLevelsTests
{
    [Fact]
    public void Auto_is_the_default_and_a_count_converts_from_an_int()
    {
        Assert.True(new NumericsConfig().Levels.IsAuto);
        Assert.Equal(TransformLevels.Auto, default);
        TransformLevels three = 3;
        Assert.Equal((3, false), (three.Count, three.IsAuto));
        Assert.Equal(("auto", "3"), (TransformLevels.Auto.ToString(), three.ToString()));
    }

    [Theory]
    [InlineData(null, "\"auto\"")]
    [InlineData(0, "0")]
    [InlineData(5, "5")]
    public void Json_is_the_number_or_the_word_auto_and_reads_back(int? count, string json)
    {
        Assert.Equal(json, JsonSerializer.Serialize(new TransformLevels(count)));
        Assert.Equal(new TransformLevels(count), JsonSerializer.Deserialize<TransformLevels>(json));
    }
}
