using StampSim.Gpu.Crosscheck;
using StampSim.Pipeline;

namespace StampSim.App.Crosscheck;

/// <summary>One layer's golden prediction compared with a user's own kernel dumps.</summary>
/// <param name="Golden">The golden layer with its intermediates.</param>
/// <param name="Stages">The comparison of every stage the user dumped.</param>
public sealed record ExternalCrosscheck(LayerResult Golden, IReadOnlyList<StageComparison> Stages)
{
    /// <summary>Whether every compared stage matches bit for bit.</summary>
    public bool Matches => Stages.All(s => s.Matches);
}
