using StampSim.Hardware;

namespace StampSim.ModelCost;

/// <summary>
/// A whole model under one numerics variant (STaMP, A4 or A8) on one accelerator. An infeasible variant carries
/// no figures: its times, rates and energies are null (its phases are kept only for the MAC counts).
/// </summary>
/// <param name="Variant">The variant.</param>
/// <param name="PrefillNumerics">What the block linears of prefill ran.</param>
/// <param name="DecodeNumerics">What the block linears of decode ran (STaMP falls back to uniform per-token bits).</param>
/// <param name="Prefill">The prefill (or the whole pass, or all diffusion steps).</param>
/// <param name="Decode">The decode steps; null for ViT and DiT.</param>
/// <param name="Request">What ran.</param>
/// <param name="Infeasible">Why the design cannot run the model (an operator that does not map, or DRAM too small), or null.</param>
/// <param name="Footprint">What DRAM must hold.</param>
public sealed record VariantCost(Variant Variant, string PrefillNumerics, string? DecodeNumerics, PhaseCost Prefill, PhaseCost? Decode,
    InferenceRequest Request, string? Infeasible, ModelFootprint Footprint)
{
    private bool Feasible => Infeasible is null;

    private bool HasDecode => Decode is not null && Request.Decode > 0;

    /// <summary>Time to first token: the prefill (for ViT, one batch of images; for DiT, all steps); null when infeasible.</summary>
    public double? TtftSeconds => Feasible ? Prefill.Seconds : null;

    /// <summary>Time per output token: the mean decode step; null without decode or when infeasible.</summary>
    public double? TpotSeconds => Feasible && HasDecode ? Decode!.Seconds / Request.Decode : null;

    /// <summary>Generated tokens per second in decode (ViT, DiT: images per second of the whole pass); null without decode steps to time, or when infeasible.</summary>
    public double? TokensPerSecond => !Feasible ? null
        : TpotSeconds is double t ? Request.Batch / t
        : Decode is null ? Request.Batch / Prefill.Seconds : null;

    /// <summary>Energy of prefill and decode (joules); null when infeasible.</summary>
    public double? EnergyJ => Feasible ? Prefill.EnergyJ + (Decode?.EnergyJ ?? 0) : null;

    /// <summary>Prefill energy per prompt token of all sequences (decoders); null when infeasible or for ViT and DiT.</summary>
    public double? PrefillEnergyPerTokenJ => Feasible && Decode is not null ? Prefill.EnergyJ / ((double)Request.Batch * Request.Prompt) : null;

    /// <summary>Decode energy per generated token of all sequences; null without decode steps or when infeasible.</summary>
    public double? DecodeEnergyPerTokenJ => Feasible && HasDecode ? Decode!.EnergyJ / ((double)Request.Batch * Request.Decode) : null;

    /// <summary>ViT and DiT: energy per image (all steps of a DiT); null for decoders or when infeasible.</summary>
    public double? EnergyPerImageJ => Feasible && Decode is null ? Prefill.EnergyJ / Request.Batch : null;

    /// <summary>DRAM bytes of prefill and decode; null when infeasible.</summary>
    public double? DramBytes => Feasible ? Prefill.DramBytes + (Decode?.DramBytes ?? 0) : null;
}
