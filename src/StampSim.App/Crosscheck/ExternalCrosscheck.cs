using StampSim.Gpu.Crosscheck;
using StampSim.Pipeline;

namespace StampSim.App.Crosscheck;

/// <summary>One layer's golden prediction compared with a user's own kernel dumps.</summary>
/// <param name="Golden">The golden layer with its intermediates.</param>
/// <param name="Verdict">Every dumped stage judged against the golden one and isolated.</param>
public sealed record ExternalCrosscheck(LayerResult Golden, ExternalVerdict Verdict)
{
    /// <summary>Whether every compared stage matches bit for bit.</summary>
    public bool Matches => Verdict.Matches;
}
