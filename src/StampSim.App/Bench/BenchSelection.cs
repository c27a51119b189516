namespace StampSim.App.Bench;

/// <summary>Which of the slower, child-process measurements one <c>stampsim bench</c> run makes.</summary>
/// <param name="Numpy">NumPy's float32 GEMM of the same shape.</param>
/// <param name="LayerProcess">A whole <c>stampsim layer --metrics</c> process and its split.</param>
/// <param name="BlockSweep">A sweep of 8 numerics over a one-block Llama-3-8B trace against one replay of it (minutes).</param>
/// <param name="OnnxModel">The encoder for the <c>eval onnx</c> row, or null to skip it.</param>
/// <param name="OnnxText">The text whose first sentences that row embeds (required with <paramref name="OnnxModel"/>).</param>
/// <param name="ConfigPath">The config file the bench runs on, for the child processes; null for the embedded default.</param>
public sealed record BenchSelection(bool Numpy = true, bool LayerProcess = true, bool BlockSweep = false, string? OnnxModel = null, string? OnnxText = null,
    string? ConfigPath = null);
