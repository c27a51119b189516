using System.CommandLine;
using StampSim.Config;
using StampSim.Reports.Folder;
using StampSim.Reports.Rtl;
using StampSim.Rtl.Vectors;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim rtl vectors</c>: golden test vectors as $readmemh files and .npy.</summary>
internal static class RtlVectorsCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var source = new RtlVectorSource();
        var output = new Option<string>("--out") { Description = "Output directory for the vector files (new or empty; an earlier rtl vectors folder with --force)", Required = true };
        var force = RtlCommand.Force();
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("vectors", "Write golden per-chunk test vectors ($readmemh and .npy) for one layer.") { config, set, output, force, threads, kernel };
        foreach (var o in source.Options) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            string dir = p.GetValue(output)!;
            string?[] inputFiles = [p.GetValue(config), .. source.Files(p)];
            using var folder = ReportFolder.Begin(dir, p.GetValue(force), RtlFolderManifest.VectorsFormat, inputFiles);
            var (inputs, layerCfg, what) = source.Load(p, console, cfg, optional: false);
            var vectors = TestVectors.Generate(layerCfg, inputs, source.Tokens(p), CommonOptions.Execution(p, threads, kernel));
            VectorFiles.Write(vectors, folder.Staging);
            RtlFolderManifest.Write(folder.Staging, RtlFolderManifest.VectorsFormat, RtlCommand.CommandLine(p), started, inputFiles, RtlCommand.Describe(vectors.Design));
            folder.Commit();
            console.Out.WriteLine($"wrote {vectors.Records.Length} vectors to {dir}: {what}, {vectors.Tokens.Length} tokens, d={vectors.Features}, n={vectors.Outputs}; " +
                                  $"{RtlCommand.Describe(vectors.Design)}; events {vectors.Events.Tree} tree, {vectors.Events.Accumulator} accumulator");
            return 0;
        });
        return cmd;
    }
}
