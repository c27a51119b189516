using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary><c>haar2d</c>: the 2-D Haar DWT of a token grid, local to stripes of <c>2^levels</c> grid rows.</summary>
public sealed class Haar2dDescriptor : ISequenceTransformDescriptor
{
    /// <inheritdoc />
    public SequenceTransformKind Kind => SequenceTransformKind.Haar2d;

    /// <inheritdoc />
    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens)
    {
        var grid = numerics.Grid ?? throw new InputException("numerics.grid: haar2d needs a token grid \"HxW\"");
        if (grid.Count != tokens)
            throw new InputException(prefix > 0
                ? $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has {tokens} tokens after {prefix} prefix tokens"
                : $"numerics.grid: grid {grid} has {grid.Count} tokens but the layer has s = {tokens}");
        int levels = numerics.Levels.Count ?? Haar2dTransform.AutoLevels(grid, hiTokens);
        Haar2dTransform.Validate(grid, levels);
        return new(this, prefix, tokens, levels, grid);
    }

    /// <inheritdoc />
    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) =>
        new Haar2dTransform(plan.Grid!, plan.Levels, options);

    /// <inheritdoc />
    public int BlockTokens(SequenceTransformPlan plan) => (1 << plan.Levels) * plan.Grid!.Width;

    /// <summary>Each output of a 2-D butterfly is one add and one multiply, over the shrinking low band.</summary>
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan)
    {
        long total = 0;
        for (int j = 0; j < plan.Levels; j++)
            total += 2L * (plan.Grid!.Height >> j) * (plan.Grid.Width >> j);
        return (total, total);
    }
}
