namespace StampSim.Hardware;

/// <summary>DRAM bytes of one mapping, per tensor (partial sums: spilled between reduction tiles and read back).</summary>
internal readonly record struct DramTraffic(double InputRead, double ActRead, double ActWrite, double WeightRead, double BiasRead, double OutputWrite,
    double PsumRead, double PsumWrite)
{
    public double Read => InputRead + ActRead + WeightRead + BiasRead + PsumRead;

    public double Write => ActWrite + OutputWrite + PsumWrite;
}
