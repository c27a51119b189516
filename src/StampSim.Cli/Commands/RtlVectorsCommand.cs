using System.CommandLine;
using StampSim.Config;
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
        var output = new Option<string>("--out") { Description = "Output directory for the vector files", Required = true };
        var threads = CommonOptions.Threads();
        var kernel = CommonOptions.Kernel();
        var cmd = new Command("vectors", "Write golden per-chunk test vectors ($readmemh and .npy) for one layer.") { config, set, output, threads, kernel };
        foreach (var o in source.Options) cmd.Options.Add(o);
        cmd.SetAction(p =>
        {
            var cfg = StampConfig.Load(p.GetValue(config), p.GetValue(set) ?? []);
            var (inputs, layerCfg, what) = source.Load(p, console, cfg, optional: false);
            var vectors = TestVectors.Generate(layerCfg, inputs, source.Tokens(p), CommonOptions.Execution(p, threads, kernel));
            string dir = p.GetValue(output)!;
            VectorFiles.Write(vectors, dir);
            console.Out.WriteLine($"wrote {vectors.Records.Length} vectors to {dir}: {what}, {vectors.Tokens.Length} tokens, d={vectors.Features}, n={vectors.Outputs}; " +
                                  $"{RtlCommand.Describe(vectors.Design)}; events {vectors.Events.Tree} tree, {vectors.Events.Accumulator} accumulator");
            return 0;
        });
        return cmd;
    }
}
