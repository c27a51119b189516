namespace StampSim.Traces.Synthetic;

/// <summary>The first element of each random stream's path: what the stream generates.</summary>
internal static class SyntheticStreams
{
    public const ulong Channels = 0;
    public const ulong Activations = 1;
    public const ulong Weights = 2;
    public const ulong Bias = 3;
}
