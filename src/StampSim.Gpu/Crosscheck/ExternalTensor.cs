namespace StampSim.Gpu.Crosscheck;

/// <summary>A tensor dumped by someone else's kernel, as read from its file.</summary>
/// <typeparam name="T">Element type (float32 values or integers).</typeparam>
/// <param name="Path">The file it came from (for messages).</param>
/// <param name="Shape">Its shape.</param>
/// <param name="Data">Its elements in C order.</param>
public sealed record ExternalTensor<T>(string Path, long[] Shape, T[] Data);
