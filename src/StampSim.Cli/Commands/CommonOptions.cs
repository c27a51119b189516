using System.CommandLine;
using StampSim.Numerics;

namespace StampSim.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config") { Description = "Accelerator/numerics config YAML (default: the embedded edge-npu config)" };

    public static Option<string[]> Set() => new("--set")
    {
        Description = "Override a config key, e.g. --set numerics.hi_tokens=16 (repeatable)",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int> Threads() => new("--threads") { Description = "Worker threads (0 = one per core); never changes results", DefaultValueFactory = _ => 0 };

    public static Option<string> Kernel() => new("--kernel")
    {
        Description = "Integer GEMM kernel: auto, scalar, avx2, avx_vnni, avx512_bw (weights of at most 4 bits); never changes results",
        DefaultValueFactory = _ => "auto",
    };

    public static ExecutionOptions Execution(ParseResult p, Option<int> threads, Option<string> kernel)
    {
        int t = p.GetValue(threads);
        if (t < 0) throw new InputException($"--threads: must be 0 or positive, got {t}");
        string k = p.GetValue(kernel) ?? "auto";
        if (!ConfigNames.TryParse<GemmKernel>(k, out var kind))
            throw new InputException($"--kernel: unknown kernel '{k}' (expected one of: {string.Join(", ", ConfigNames.All<GemmKernel>())})");
        return new ExecutionOptions(t, kind);
    }
}
