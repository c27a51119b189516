namespace StampSim.Gpu.Crosscheck;

/// <summary>
/// Every stage of the contract a kernel's dump can hold, in pipeline order (the order verdicts are given in).
/// Shapes and dtypes are documented in <c>docs/gpu-kernels.md</c>.
/// </summary>
public static class ExternalStages
{
    /// <summary>Activations after the feature and sequence transforms (s, d), float32.</summary>
    public static readonly ExternalStage Transformed = new("transformed", "transformed activations", false, ["token", "feature"]);

    /// <summary>Each token's bit width (s).</summary>
    public static readonly ExternalStage ActBits = new("act_bits", "activation bits", true, ["token"]);

    /// <summary><c>delta</c> per token and group (s, groups), float32.</summary>
    public static readonly ExternalStage ActScale = new("act_scale", "activation scales (delta)", false, ["token", "group"]);

    /// <summary><c>mn</c> per token and group (s, groups), float32 (0 for symmetric).</summary>
    public static readonly ExternalStage ActOffset = new("act_offset", "activation offsets (mn)", false, ["token", "group"]);

    /// <summary>Activation codes (s, d): unsigned 0..B for min-max, −qmax..qmax for symmetric.</summary>
    public static readonly ExternalStage ActCodes = new("act_codes", "activation codes", true, ["token", "feature"]);

    /// <summary><c>sw</c> per output channel (n), float32.</summary>
    public static readonly ExternalStage WeightScale = new("weight_scale", "weight scales (sw)", false, ["channel"]);

    /// <summary>Weight codes (n, d), −qmax..qmax.</summary>
    public static readonly ExternalStage WeightCodes = new("weight_codes", "weight codes", true, ["channel", "feature"]);

    /// <summary>Weight code sums per group (groups, n).</summary>
    public static readonly ExternalStage WeightRowSum = new("weight_rowsum", "weight row sums", true, ["group", "channel"]);

    /// <summary>Final accumulators (s, groups, n).</summary>
    public static readonly ExternalStage Acc = new("acc", "accumulators", true, ["token", "group", "channel"]);

    /// <summary>Overflow events (2): adder-tree and accumulator range events.</summary>
    public static readonly ExternalStage Events = new("events", "overflow events", true, ["tree|accumulator"]);

    /// <summary>Epilogue output before the inverse transform (s, n), float32.</summary>
    public static readonly ExternalStage Yt = new("yt", "epilogue output (yt)", false, ["token", "channel"]);

    /// <summary>Output after the inverse transform, before the bias (s, n), float32.</summary>
    public static readonly ExternalStage BeforeBias = new("before_bias", "inverse transform (before bias)", false, ["token", "channel"]);

    /// <summary>The layer output (s, n), float32.</summary>
    public static readonly ExternalStage Y = new("y", "output Y", false, ["token", "channel"]);

    /// <summary>All stages in pipeline order.</summary>
    public static IReadOnlyList<ExternalStage> All { get; } =
        [Transformed, ActBits, ActScale, ActOffset, ActCodes, WeightScale, WeightCodes, WeightRowSum, Acc, Events, Yt, BeforeBias, Y];

    /// <summary>The stage called <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No stage has that name (the message lists them).</exception>
    public static ExternalStage Named(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new InputException($"unknown stage '{name}' (known: {string.Join(", ", All.Select(s => s.Name))})");
}
