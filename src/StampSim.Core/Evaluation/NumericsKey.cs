using StampSim.Gemm;
using StampSim.Numerics;

namespace StampSim.Evaluation;

/// <summary>
/// The one sharing key of golden numerics: two settings with equal keys give the same bits on a
/// layer, so one engine run serves both. The golden result depends on the numerics and, only when
/// some chunk or accumulator could overflow (<see cref="OverflowBound"/>), on the adder-tree length.
/// </summary>
/// <param name="Numerics">The numerics, as run.</param>
/// <param name="Rows">The adder-tree length when it matters, else 0.</param>
public readonly record struct NumericsKey(NumericsConfig Numerics, int Rows)
{
    /// <summary>The key of <paramref name="settings"/> for a layer of this size.</summary>
    public static NumericsKey For(GoldenSettings settings, int tokens, int features)
    {
        var (numerics, macRows) = (settings.Numerics, settings.MacRows);
        bool rowsMatter;
        try
        {
            rowsMatter = !OverflowBound.CannotOverflow(numerics, macRows, tokens, features);
        }
        catch (InputException)
        {
            rowsMatter = true;   // the engine run reports the bad setting, naming the layer
        }
        return new NumericsKey(numerics, rowsMatter ? macRows : 0);
    }
}
