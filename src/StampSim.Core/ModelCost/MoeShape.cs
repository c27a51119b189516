namespace StampSim.ModelCost;

/// <summary>
/// The mixture-of-experts MLP of a MoE decoder (Mixtral, Qwen-MoE, DeepSeek-MoE): a router picks
/// <see cref="TopK"/> of <see cref="Experts"/> gated MLPs per token; shared experts run on every token.
/// </summary>
/// <param name="Experts">Routed experts per MoE block.</param>
/// <param name="TopK">Routed experts each token runs.</param>
/// <param name="ExpertIntermediate">MLP width of one routed expert.</param>
/// <param name="SharedIntermediate">MLP width of the shared experts together (0 when there are none).</param>
/// <param name="SharedGate">Whether a sigmoid gate (one output per token) scales the shared experts (Qwen-MoE).</param>
/// <param name="MoeLayers">Blocks with the MoE MLP; the others have a dense MLP of the architecture's intermediate size.</param>
public sealed record MoeShape(int Experts, int TopK, int ExpertIntermediate, int SharedIntermediate, bool SharedGate, int MoeLayers)
{
    /// <summary>
    /// Experts that <paramref name="tokens"/> tokens of one block touch: every token runs <see cref="TopK"/>
    /// distinct experts and routing is taken as spread evenly, so min(experts, tokens x top-k) — all of them once
    /// the tokens number at least experts / top-k. At batch 1 a decode step touches exactly top-k.
    /// </summary>
    public long TouchedExperts(long tokens) => Math.Min(Experts, checked(tokens * TopK));
}
