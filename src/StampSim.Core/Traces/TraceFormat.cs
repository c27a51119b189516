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
