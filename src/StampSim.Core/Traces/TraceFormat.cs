using StampSim.Traces.Npy;

namespace StampSim.Traces;

/// <summary>The container a trace was read from.</summary>
public enum TraceFormat
{
    /// <summary>A safetensors file with a manifest (the trace format).</summary>
    Safetensors,
    /// <summary>A single NumPy array holding X; weight and bias come from separate files.</summary>
    Npy,
    /// <summary>A NumPy archive with <c>x</c>, <c>w</c>/<c>weight</c> and optionally <c>b</c>/<c>bias</c>.</summary>
    Npz,
}

/// <summary>Recognises a trace's container.</summary>
public static class TraceFormats
{
    /// <summary>
    /// The container of <paramref name="path"/>, by its first bytes: the .npy magic, a zip signature (.npz),
    /// otherwise safetensors (which has no magic). An empty file, or a <c>.npy</c>/<c>.npz</c> name over other
    /// bytes, is named for what it is rather than read as a broken safetensors file.
    /// </summary>
    /// <exception cref="InputException">The file cannot be read, is empty, or is not what its extension says.</exception>
    public static TraceFormat Detect(string path)
    {
        Span<byte> head = stackalloc byte[6];
        int n;
        using (var stream = Io.InputFile.OpenRead(path)) n = NpyHeader.ReadFully(stream, head);
        head = head[..n];
        if (n == 0)
            throw new InputException($"{path}: empty file (0 bytes); a trace is a .safetensors, .npy or .npz file");
        if (NpyHeader.StartsWithMagic(head)) return TraceFormat.Npy;
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8)) return TraceFormat.Npz;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".npy" => throw new InputException($"{path}: not a .npy file (it does not start with the \\x93NUMPY magic)"),
            ".npz" => throw new InputException($"{path}: not a .npz archive (it does not start with a zip signature)"),
            _ => TraceFormat.Safetensors,
        };
    }
}
