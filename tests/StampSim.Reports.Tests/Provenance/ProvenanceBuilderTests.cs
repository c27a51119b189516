using System.Text.Json.Nodes;
using StampSim.Reports.Provenance;
using StampSim.Tests.Support;

namespace StampSim.Tests.Provenance;

public class ProvenanceBuilderTests
{
    private static readonly RunProvenance Run = new("1.2.3", "abc", new GitCommit("def", false), ["stampsim", "eval", "--x", "a b"], "/w",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2026, 1, 2, 3, 4, 7, TimeSpan.Zero));

    [Fact]
    public void A_folder_manifest_has_the_common_header_the_subject_and_every_other_file()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.txt"), "hello");
        Directory.CreateDirectory(dir.File("plots"));
        File.WriteAllText(dir.File("plots/b.txt"), "x");
        File.WriteAllText(dir.File("manifest.json"), "{}");
        var m = ProvenanceBuilder.Manifest("stampsim-test", ProvenanceBuilder.ForFolder(Run, dir.Root), new JsonObject { ["model"] = "m" });
        Assert.Equal(["format", "format_version", "tool", "command_line", "command", "working_directory", "model", "machine",
            "started_utc", "finished_utc", "duration_seconds", "files"], m.Select(kv => kv.Key));
        Assert.Equal(("abc", "def"), ((string?)m["tool"]!["build_commit"], (string?)m["tool"]!["git_commit"]));
        Assert.Equal("stampsim eval --x 'a b'", (string?)m["command"]);
        Assert.Equal("2026-01-02T03:04:05.000Z", (string?)m["started_utc"]);
        Assert.Equal(2.0, (double)m["duration_seconds"]!);
        Assert.Equal(["a.txt", "plots/b.txt"], m["files"]!.AsArray().Select(f => (string?)f!["path"]));
        Assert.Equal(Sha256.OfText("hello"), (string?)m["files"]![0]!["sha256"]);
        Assert.Equal(5, (long)m["files"]![0]!["bytes"]!);
    }

    [Fact]
    public void Input_and_output_files_are_digested_as_given()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.File("in.npy"), "input");
        File.WriteAllText(dir.File("out.json"), "output!");
        var p = ProvenanceBuilder.Build(Run, [dir.File("in.npy")], [dir.File("out.json")]);
        Assert.Equal(new FileDigest(dir.File("in.npy"), 5, Sha256.OfText("input")), Assert.Single(p.Inputs));
        Assert.Equal(new FileDigest(dir.File("out.json"), 7, Sha256.OfText("output!")), Assert.Single(p.Outputs));
        var m = ProvenanceBuilder.Manifest("stampsim-test", p, []);
        Assert.Equal(dir.File("in.npy"), (string?)m["inputs"]![0]!["path"]);
    }

    [Fact]
    public void A_missing_input_is_an_input_error()
    {
        using var dir = new TempDir();
        Assert.Throws<InputException>(() => ProvenanceBuilder.Build(Run, [dir.File("missing")], []));
    }
}
