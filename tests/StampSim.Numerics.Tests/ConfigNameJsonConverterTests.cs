using System.Text.Json;
using StampSim.Numerics;

namespace StampSim.Tests;

/// <summary>A config enum in JSON is its config spelling (<see cref="ConfigNames"/>), and reads back; anything else is refused.</summary>
public class ConfigNameJsonConverterTests
{
    [Fact]
    public void Every_member_is_written_as_its_config_spelling_and_reads_back()
    {
        foreach (var mode in Enum.GetValues<OverflowMode>())
        {
            string json = JsonSerializer.Serialize(mode);
            Assert.Equal($"\"{ConfigNames.Of(mode)}\"", json);
            Assert.Equal(mode, JsonSerializer.Deserialize<OverflowMode>(json));
        }
        Assert.Equal("\"minmax\"", JsonSerializer.Serialize(ActQuantKind.Minmax));
    }

    [Theory]
    [InlineData("\"Saturate\"")]
    [InlineData("\"clamp\"")]
    [InlineData("0")]
    public void Other_spellings_and_numbers_are_refused(string json)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<OverflowMode>(json));
        Assert.Contains("saturate, wrap", e.Message);
    }
}
