namespace StampSim.Gemm;

/// <summary>
/// One run of consecutive reduction indices that the kernels sum as a unit: an adder-tree chunk
/// (ordered emulation) or a whole activation group (fast path). Each segment is padded to a
/// multiple of 4 in the packed operands.
/// </summary>
/// <param name="Group">Activation group the segment belongs to.</param>
/// <param name="Start">First feature index.</param>
/// <param name="Length">Number of features.</param>
/// <param name="K4Offset">Offset in the packed reduction axis, in units of 4 features.</param>
/// <param name="K4Count">Length in units of 4 features (rounded up).</param>
/// <param name="LastInGroup">True for the group's final segment.</param>
public readonly record struct Segment(int Group, int Start, int Length, int K4Offset, int K4Count, bool LastInGroup);

/// <summary>Cuts the reduction axis into segments.</summary>
public static class Segments
{
    /// <summary>Segments of at most <paramref name="maxLength"/> features, restarting at every group boundary.</summary>
    public static Segment[] Cut(int features, int groupSize, int maxLength)
    {
        var list = new List<Segment>();
        int k4 = 0;
        for (int g = 0; g < features / groupSize; g++)
        {
            int g0 = g * groupSize;
            for (int start = 0; start < groupSize; start += maxLength)
            {
                int len = Math.Min(maxLength, groupSize - start);
                int count = (len + 3) / 4;
                list.Add(new Segment(g, g0 + start, len, k4, count, start + len >= groupSize));
                k4 += count;
            }
        }
        return list.ToArray();
    }

    /// <summary>Total packed length in units of 4 features.</summary>
    public static int TotalK4(Segment[] segments) => segments.Length == 0 ? 0 : segments[^1].K4Offset + segments[^1].K4Count;
}
