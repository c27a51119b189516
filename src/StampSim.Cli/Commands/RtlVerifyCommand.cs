using System.CommandLine;
using StampSim.Config;
using StampSim.Reports.Folder;
using StampSim.Reports.Rtl;
using StampSim.Reports.Writers;
using StampSim.Rtl;
using StampSim.Rtl.Simulation;
using StampSim.Rtl.Vectors;

namespace StampSim.Cli.Commands;

/// <summary>
/// <c>stampsim rtl verify</c>: golden vectors through the emitted column (or a user's RTL with the
/// documented ports) in Verilator and/or Icarus, compared bit for bit. Exit 1 on any mismatch.
/// </summary>
internal static class RtlVerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var config = CommonOptions.Config();
        var set = CommonOptions.Set();
        var source = new RtlVectorSource();
        var simulator = new Option<string>("--simulator") { Description = "verilator, iverilog or both", DefaultValueFactory = _ => "verilator" };
        var rtl = new Option<string?>("--rtl") { Description = "Verify this directory's RTL (module stamp_mac_column with the ports of docs/rtl.md) instead of the emitted one" };
        var work = new Option<string?>("--out") { Description = "Keep the RTL, vectors and simulator builds in this directory (new or empty, or an earlier rtl verify folder with --force; default: a temporary one, removed)" };
        var force = RtlCommand.Force();
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("verify", "Run golden vectors through the RTL in a simulator and compare bit for bit (exit 1 on a mismatch).")
        {
            config, set, simulator, rtl, work, force, threads, kernel,
        };
        foreach (var o in source.Options) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var started = DateTimeOffset.UtcNow;
            var kinds = ParseSimulators(p.GetValue(simulator)!);
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            string? userRtl = p.GetValue(rtl);
            var userFiles = userRtl is null ? null : UserSources(userRtl);
            var (inputs, layerCfg, what) = source.Load(p, console, cfg, optional: true);
            int? tokens = source.Tokens(p) ?? (source.Given(p) ? null : Math.Min(RtlVectorSource.DefaultTokens, inputs.Tokens));
            var vectors = TestVectors.Generate(layerCfg, inputs, tokens, CommonOptions.Execution(p, threads, kernel));

            string? keep = p.GetValue(work);
            string?[] inputFiles = [p.GetValue(config), userRtl, .. source.Files(p)];
            // A kept folder is written whole or not at all, like a report; the simulators get absolute paths either way.
            using var kept = keep is null ? null : ReportFolder.Begin(keep, p.GetValue(force), RtlFolderManifest.VerifyFormat, inputFiles);
            string dir = kept?.Staging ?? Path.Combine(Path.GetTempPath(), "stampsim-rtl-" + Guid.NewGuid().ToString("N"));
            try
            {
                string vectorDir = Path.Combine(dir, "vectors");
                VectorFiles.Write(vectors, vectorDir);
                var emitted = RtlEmitter.Emit(vectors.Design, p.GetValue(config) ?? $"the embedded {StampConfig.DefaultResource}", Path.Combine(dir, "rtl"));
                var sources = userFiles is null
                    ? emitted
                    : [emitted[0], .. userFiles, emitted[^1]];   // our package and testbench around the user's design
                console.Out.WriteLine($"rtl verify: {what}, {vectors.Tokens.Length} of {inputs.Tokens} tokens, d={vectors.Features}, n={vectors.Outputs}; " +
                                      $"{RtlCommand.Describe(vectors.Design)}; {(userRtl is null ? "emitted RTL" : "RTL from " + userRtl)}");
                int code = 0;
                foreach (var kind in kinds)
                {
                    var result = Simulators.Run(kind, sources, vectorDir, vectors.Records.Length, Path.Combine(dir, Simulators.Name(kind)));
                    console.Out.WriteLine($"{Simulators.Name(kind)}: {result.Summary} " +
                                          $"(build {Display.Fixed(result.CompileSeconds, 1)} s, simulate {Display.Fixed(result.SimulateSeconds, 2)} s)");
                    if (result.Mismatches > 0) code = 1;
                }
                if (kept is not null)
                {
                    RtlFolderManifest.Write(dir, RtlFolderManifest.VerifyFormat, RtlCommand.CommandLine(p), started, inputFiles, RtlCommand.Describe(vectors.Design));
                    kept.Commit();
                }
                return code;
            }
            finally
            {
                if (keep is null) TryDelete(dir);
            }
        });
        return cmd;
    }

    private static SimulatorKind[] ParseSimulators(string text) => text.ToLowerInvariant() switch
    {
        "verilator" => [SimulatorKind.Verilator],
        "iverilog" => [SimulatorKind.Iverilog],
        "both" => [SimulatorKind.Verilator, SimulatorKind.Iverilog],
        _ => throw new InputException($"--simulator: unknown simulator '{text}' (expected verilator, iverilog or both)"),
    };

    // The user's design files: every .sv/.v except a package or testbench of ours that they may have copied along.
    private static string[] UserSources(string dir)
    {
        if (!Directory.Exists(dir)) throw new InputException($"--rtl: {dir}: directory not found");
        var files = Directory.GetFiles(dir).Where(f => f.EndsWith(".sv", StringComparison.Ordinal) || f.EndsWith(".v", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) is not (RtlEmitter.ConfigPackage or RtlEmitter.Testbench)).Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0) throw new InputException($"--rtl: {dir}: no .sv or .v files");
        return files.Select(Path.GetFullPath).ToArray();
    }

    private static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
