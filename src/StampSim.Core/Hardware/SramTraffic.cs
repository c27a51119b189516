namespace StampSim.Hardware;

/// <summary>
/// On-chip buffer bytes of one mapping by role (quantized activations, weights, outputs). Roles map
/// to buffers through <see cref="BufferRoles"/>; two roles may share a buffer.
/// </summary>
internal readonly record struct SramTraffic(Traffic Activations, Traffic Weights, Traffic Outputs)
{
    /// <summary>Bytes read and written in <paramref name="buffer"/>, its roles added in role order.</summary>
    public Traffic Of(int buffer, BufferRoles roles)
    {
        double read = 0, write = 0;
        if (roles.Activations == buffer) (read, write) = (read + Activations.Read, write + Activations.Write);
        if (roles.Weights == buffer) (read, write) = (read + Weights.Read, write + Weights.Write);
        if (roles.Outputs == buffer) (read, write) = (read + Outputs.Read, write + Outputs.Write);
        return new Traffic(read, write);
    }
}

/// <summary>Which buffer (index into the accelerator's buffers) holds each tensor.</summary>
internal readonly record struct BufferRoles(int Activations, int Weights, int Outputs)
{
    public static BufferRoles Of(IReadOnlyList<BufferConfig> buffers) => new(
        Index(buffers, TensorKind.Activations), Index(buffers, TensorKind.Weights), Index(buffers, TensorKind.Outputs));

    private static int Index(IReadOnlyList<BufferConfig> buffers, TensorKind kind)
    {
        for (int i = 0; i < buffers.Count; i++)
            if (buffers[i].Holds.Contains(kind)) return i;
        return -1;
    }
}
