namespace StampSim.Metrics;

/// <summary>Signal-to-quantization-noise ratio in dB; +∞ when the error is exactly zero.</summary>
public static class Sqnr
{
    /// <summary><c>10 log10(signal / noise)</c>.</summary>
    public static double Db(double signalEnergy, double noiseEnergy) =>
        noiseEnergy == 0 ? double.PositiveInfinity : 10.0 * Math.Log10(signalEnergy / noiseEnergy);
}
