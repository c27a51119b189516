namespace StampSim.Hardware;

/// <summary>DRAM bytes of one mapping, per tensor.</summary>
internal readonly record struct DramTraffic(double InputRead, double ActRead, double ActWrite, double WeightRead, double BiasRead, double OutputWrite)
{
    public double Read => InputRead + ActRead + WeightRead + BiasRead;

    public double Write => ActWrite + OutputWrite;
}
