namespace StampSim.Traces.Synthetic;

/// <summary>
/// Standard normal deviates by Marsaglia's polar method over a <see cref="Xoshiro256"/> stream, with
/// <see cref="PortableMath.Log"/> and an exact square root, so the values are the same on every machine.
/// </summary>
public sealed class NormalSampler(Xoshiro256 random)
{
    private double _spare;
    private bool _hasSpare;

    /// <summary>The next N(0, 1) deviate.</summary>
    public double Next()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }
        double u, v, w;
        do
        {
            u = 2 * random.NextDouble() - 1;
            v = 2 * random.NextDouble() - 1;
            w = u * u + v * v;
        } while (w >= 1 || w == 0);
        double factor = Math.Sqrt(-2 * PortableMath.Log(w) / w);
        _spare = v * factor;
        _hasSpare = true;
        return u * factor;
    }
}
