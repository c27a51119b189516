using StampSim.Tests.Support;

namespace StampSim.Tests.Commands;

public class CostCommandTests
{
    [Fact]
    public void Mapping_lines_follow_the_column_order_and_gemm_rows_are_named_by_token_width()
    {
        var r = Harness.Run("cost", "--gemm", "512,64,512");
        Assert.True(r.Code == 0, r.Err);
        var header = r.Lines.First(l => l.Contains("STaMP/A4"));
        string[] columns = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["STaMP", "A4", "A8", "STaMP/A4", "STaMP/A8"], columns);
        var mappings = r.Lines.Where(l => l.StartsWith("mapping ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).ToArray();
        Assert.Equal(columns.Take(3).Select(c => c.ToLowerInvariant()), mappings);

        string[] Cells(string stage) => r.Lines.Single(l => l.TrimStart().StartsWith(stage + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("0", Cells("gemm_a8")[2]);    // A4 streams no 8-bit tokens
        Assert.Equal("0", Cells("gemm_a4")[3]);    // A8 streams no 4-bit tokens
        Assert.NotEqual("0", Cells("gemm_a8")[3]);
        Assert.DoesNotContain(r.Lines, l => l.Contains("gemm_lo") || l.Contains("gemm_hi"));
    }
}
