using StampSim.Hardware;

namespace StampSim.Inference;

/// <summary>A whole model under one numerics variant (STaMP, A4 or A8) on one accelerator.</summary>
/// <param name="Variant">The variant.</param>
/// <param name="PrefillNumerics">What the block linears of prefill ran.</param>
/// <param name="DecodeNumerics">What the block linears of decode ran (STaMP falls back to uniform per-token bits).</param>
/// <param name="Prefill">The prefill (or the whole pass, or all diffusion steps).</param>
/// <param name="Decode">The decode steps; null for ViT and DiT.</param>
/// <param name="Request">What ran.</param>
/// <param name="Infeasible">Why the design cannot run some operator, or null.</param>
public sealed record VariantCost(Variant Variant, string PrefillNumerics, string? DecodeNumerics, PhaseCost Prefill, PhaseCost? Decode,
    InferenceRequest Request, string? Infeasible)
{
    /// <summary>Time to first token: the prefill (for ViT, one batch of images; for DiT, all steps).</summary>
    public double TtftSeconds => Prefill.Seconds;

    /// <summary>Time per output token: the mean decode step; null without decode.</summary>
    public double? TpotSeconds => Decode is { } d && Request.Decode > 0 ? d.Seconds / Request.Decode : null;

    /// <summary>Generated tokens per second in decode (ViT, DiT: images per second of the whole pass).</summary>
    public double TokensPerSecond => TpotSeconds is double t ? Request.Batch / t : Request.Batch / Prefill.Seconds;

    /// <summary>Energy of prefill and decode (joules).</summary>
    public double EnergyJ => Prefill.EnergyJ + (Decode?.EnergyJ ?? 0);

    /// <summary>Energy per generated token (prefill included), or per image for ViT and DiT.</summary>
    public double EnergyPerTokenJ => EnergyJ / (Request.Batch * (double)(Decode is null || Request.Decode == 0 ? 1 : Request.Decode));

    /// <summary>DRAM bytes of prefill and decode.</summary>
    public double DramBytes => Prefill.DramBytes + (Decode?.DramBytes ?? 0);
}
