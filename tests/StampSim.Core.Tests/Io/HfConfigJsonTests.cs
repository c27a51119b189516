using StampSim.Io;

namespace StampSim.Tests.Io;

public class HfConfigJsonTests
{
    private static HfConfigJson Parse(string json) => HfConfigJson.Parse(json, "c.json");

    [Fact]
    public void Class_count_is_num_labels_else_the_id2label_entries_else_required()
    {
        Assert.Equal(7, Parse("""{"num_labels": 7, "id2label": {"0": "a"}}""").Labels());
        Assert.Equal(2, Parse("""{"id2label": {"0": "cat", "1": "dog"}}""").Labels());
        Assert.Equal("c.json: num_labels: missing required key", Assert.Throws<InputException>(() => Parse("{}").Labels()).Message);
    }

    [Theory]
    [InlineData("""{"k": "x"}""", "c.json: k: expected an integer, got \"x\"")]
    [InlineData("""{"k": 0}""", "c.json: k: must be positive, got 0")]
    [InlineData("""{}""", "c.json: k: missing required key")]
    public void Errors_name_the_file_and_the_key(string json, string message) =>
        Assert.Equal(message, Assert.Throws<InputException>(() => Parse(json).Positive("k")).Message);

    [Fact]
    public void Fallbacks_apply_only_to_absent_or_null_keys()
    {
        var c = Parse("""{"n": -3, "b": null, "s": "_"}""");
        Assert.Equal((-3, true, 1e-12, "_"), (c.Int("n", 5), c.Bool("b", true), c.Double("eps", 1e-12), c.String("s", "gelu")));
        Assert.Equal("c.json: not valid JSON (line 1, byte 2)", Assert.Throws<InputException>(() => Parse("{,")).Message);
    }
}
