namespace StampSim.Gpu.Kernels;

/// <summary>Shape and MAC-array widths of one integer GEMM launch.</summary>
/// <param name="Tokens">Rows of the packed activations (s).</param>
/// <param name="Outputs">Rows of the packed weights (n).</param>
/// <param name="Words">Packed words per row (the reduction axis, 4 codes a word).</param>
/// <param name="Groups">Activation groups: accumulators per (token, output).</param>
/// <param name="SignedActivations">1 when activation bytes are signed (symmetric codes), 0 for unsigned min-max codes.</param>
/// <param name="TreeBits">Signed width each adder-tree (chunk) result is brought into.</param>
/// <param name="AccBits">Signed width of the accumulator.</param>
/// <param name="Wrap">1 for two's-complement wrap, 0 for saturation.</param>
public readonly record struct GemmParameters(int Tokens, int Outputs, int Words, int Groups, int SignedActivations, int TreeBits, int AccBits, int Wrap);
