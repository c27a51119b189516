using System.Text.Json.Nodes;
using StampSim.Reports.Provenance;

namespace StampSim.Tests.Writers;

[Collection(nameof(BundledRun))]
public class ManifestJsonTests(BundledRun fixture)
{
    [Fact]
    public void The_manifest_identifies_tool_trace_configs_machine_and_files()
    {
        var m = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "manifest.json")))!;
        Assert.Equal("stampsim-report", (string?)m["format"]);
        Assert.Matches("^([0-9a-f]{40}|unknown)$", (string?)m["tool"]!["git_commit"]);
        Assert.Matches("^([0-9a-f]{40}|unknown)$", (string?)m["tool"]!["build_commit"]);
        Assert.Equal(Sha256.OfFile(Traces.BundledTrace.Materialize()), (string?)m["trace"]!["sha256"]);
        Assert.Equal("bundled", (string?)m["trace"]!["argument"]);
        Assert.Equal(Sha256.OfText(Config.StampConfig.ReadEmbedded("edge-npu.yaml")), (string?)m["configs"]![0]!["sha256"]);
        Assert.Equal(64, ((string?)m["configs"]![0]!["effective_sha256"])!.Length);
        Assert.Equal(["stampsim", "run"], m["command_line"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(Environment.ProcessorCount, (int?)m["machine"]!["cpu_count"]);
        Assert.NotNull((string?)m["machine"]!["dotnet"]);
        Assert.NotNull((string?)m["started_utc"]);
    }

    [Fact]
    public void Every_other_file_is_listed_with_its_hash()
    {
        var m = JsonNode.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "manifest.json")))!;
        var listed = m["files"]!.AsArray().ToDictionary(f => (string)f!["path"]!, f => (string)f!["sha256"]!);
        var onDisk = Directory.EnumerateFiles(fixture.Folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(fixture.Folder, f).Replace('\\', '/')).Where(f => f != "manifest.json").Order().ToArray();
        Assert.Equal(onDisk, listed.Keys.Order().ToArray());
        foreach (var (path, hash) in listed) Assert.Equal(Sha256.OfFile(Path.Combine(fixture.Folder, path)), hash);
    }
}
