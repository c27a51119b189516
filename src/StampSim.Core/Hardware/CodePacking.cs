namespace StampSim.Hardware;

/// <summary>How integer codes are stored: codes of up to 4 bits two per byte, wider codes a byte each.</summary>
public static class CodePacking
{
    /// <summary>Codes of <paramref name="bits"/> bits held by one byte.</summary>
    public static int PerByte(int bits) => bits <= 4 ? 2 : 1;
}
