using StampSim.Gpu.Crosscheck;
using StampSim.Gpu.Pipeline;
using StampSim.Pipeline;

namespace StampSim.App.Crosscheck;

/// <summary>One layer run by the golden engine and by the ILGPU kernels, compared stage by stage.</summary>
/// <param name="Golden">The golden layer with its intermediates.</param>
/// <param name="Stages">Every stage's comparison, in pipeline order.</param>
/// <param name="GoldenSeconds">Wall time of the golden layer.</param>
/// <param name="KernelSeconds">Wall time of the kernels, transfers included.</param>
/// <param name="WholeGroupGemm">Whether the GEMM kernel took whole groups (overflow impossible) rather than chunks.</param>
/// <param name="GemmTiming">The GEMM kernel's time per launch, when it was timed.</param>
public sealed record KernelCrosscheck(LayerResult Golden, IReadOnlyList<StageComparison> Stages, double GoldenSeconds, double KernelSeconds,
    bool WholeGroupGemm, GemmTiming? GemmTiming)
{
    /// <summary>Whether every stage matches bit for bit.</summary>
    public bool Matches => Stages.All(s => s.Matches);
}
