using StampSim.Tests.Support;

namespace StampSim.Tests;

public class ParseErrorTextTests
{
    [Theory]
    [InlineData(new[] { "model", "--arch", "llama-3-8b", "--prompt", "abc" }, "--prompt: expected an integer, got 'abc'")]
    [InlineData(new[] { "model", "--arch", "llama-3-8b", "--prompt", "99999999999" }, "--prompt: 99999999999 is out of range (at most 2147483647)")]
    [InlineData(new[] { "sweep", "s.yaml", "--jobs", "1.5" }, "--jobs: expected an integer, got '1.5'")]
    public void Option_values_of_the_wrong_kind_name_the_option_never_a_dotnet_type(string[] args, string message)
    {
        var r = Harness.Run(args);
        Harness.AssertBadInput(r, message);
        Assert.DoesNotContain("System.", r.Err);
    }
}
