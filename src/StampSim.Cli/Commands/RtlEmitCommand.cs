using System.CommandLine;
using StampSim.Config;
using StampSim.Reports.Folder;
using StampSim.Reports.Rtl;
using StampSim.Rtl;

namespace StampSim.Cli.Commands;

/// <summary><c>stampsim rtl emit</c>: the SystemVerilog of the configured column and its testbench.</summary>
internal static class RtlEmitCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var output = new Option<string>("--out") { Description = "Output directory for the .sv files (new or empty; an earlier rtl emit folder with --force)", Required = true };
        var force = RtlCommand.Force();
        var cmd = new Command("emit", "Write the parameterised SystemVerilog of the configured PE column and a self-checking testbench.") { config, set, output, force };
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            var design = RtlDesign.From(cfg);
            string dir = p.GetValue(output)!;
            using var folder = ReportFolder.Begin(dir, p.GetValue(force), RtlFolderManifest.EmitFormat, [p.GetValue(config)]);
            var files = RtlEmitter.Emit(design, p.GetValue(config) ?? $"the embedded {StampConfig.DefaultResource}", folder.Staging);
            RtlFolderManifest.Write(folder.Staging, RtlFolderManifest.EmitFormat, RtlCommand.CommandLine(p), started, [p.GetValue(config)], RtlCommand.Describe(design));
            folder.Commit();
            console.Out.WriteLine($"wrote {files.Count} files to {dir}: {RtlCommand.Describe(design)}");
            return 0;
        });
        return cmd;
    }
}
