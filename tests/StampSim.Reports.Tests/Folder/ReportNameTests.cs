using StampSim.Reports.Folder;

namespace StampSim.Tests.Folder;

public class ReportNameTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

    [Fact]
    public void The_default_name_joins_trace_configs_and_the_utc_start()
    {
        Assert.Equal(Path.Combine("reports", "stories-edge-npu-20250304-030607"), ReportName.Default("stories", ["edge-npu"], Start));
        Assert.Equal(Path.Combine("reports", "stories-edge-npu+bitfusion-20250304-030607"), ReportName.Default("stories", ["edge-npu", "bitfusion"], Start));
    }

    [Fact]
    public void Many_configs_become_a_count_and_a_short_hash()
    {
        string[] labels = ["edge-npu", "mobile-npu", "datacenter", "bitfusion", "int8-baseline"];
        string name = Path.GetFileName(ReportName.Default("t", labels, Start));
        Assert.Matches(@"^t-5configs-[0-9a-f]{8}-20250304-030607$", name);
        Assert.NotEqual(name, Path.GetFileName(ReportName.Default("t", labels.Reverse().ToArray(), Start)));
    }
}
