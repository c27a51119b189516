namespace StampSim.Hardware;

/// <summary>An on-chip SRAM buffer.</summary>
/// <param name="Name">Buffer name (also names its energy actions <c>NAME_read</c>, <c>NAME_write</c>).</param>
/// <param name="Capacity">Bytes.</param>
/// <param name="Holds">Which tensors live here.</param>
/// <param name="ReadBandwidth">Bytes per cycle.</param>
/// <param name="WriteBandwidth">Bytes per cycle.</param>
/// <param name="DoubleBuffered">True when half the capacity is filled while the other half is used.</param>
public sealed record BufferConfig(string Name, long Capacity, IReadOnlyList<TensorKind> Holds, double ReadBandwidth, double WriteBandwidth, bool DoubleBuffered)
{
    /// <summary>Capacity usable by one tile (half when double buffered).</summary>
    public long TileCapacity => DoubleBuffered ? Capacity / 2 : Capacity;
}
