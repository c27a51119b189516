using StampSim.Numerics;
using StampSim.Transforms;

namespace StampSim.Tests.Transforms;

/// <summary>
/// The toy transform of the recipe in docs/architecture.md ("adding a sequence transform"): one new
/// file holding the descriptor and its golden arithmetic, then <c>SequenceTransformRegistry.With</c>.
/// <c>sign_flip</c> negates every odd token: orthogonal, its own inverse, local to single tokens.
/// </summary>
internal sealed class SignFlipTransform : ISequenceTransformDescriptor
{
    public static SequenceTransformKind Name { get; } = new("sign_flip");

    public SequenceTransformKind Kind => Name;

    public SequenceTransformPlan Plan(NumericsConfig numerics, int prefix, int tokens, int hiTokens) => new(this, prefix, tokens, 0, null);

    public ISequenceTransform Create(SequenceTransformPlan plan, ExecutionOptions options) => new Golden(plan.TransformedTokens);

    public int BlockTokens(SequenceTransformPlan plan) => 1;

    /// <summary>One negation of each odd token's value.</summary>
    public (long Adds, long Muls) OperationsPerColumn(SequenceTransformPlan plan) => (0, plan.TransformedTokens / 2);

    private sealed class Golden(int length) : ISequenceTransform
    {
        public int Length => length;

        public int Levels => 0;

        public string Description => "sign_flip";

        public void Forward(Span<float> data, int cols) => Flip(data, cols);

        public void Inverse(Span<float> data, int cols) => Flip(data, cols);

        public void Forward(Span<double> data, int cols) => Flip(data, cols);

        public void Inverse(Span<double> data, int cols) => Flip(data, cols);

        private void Flip<T>(Span<T> data, int cols) where T : System.Numerics.INumber<T>
        {
            for (int t = 1; t < length; t += 2)
                foreach (ref var v in data.Slice(t * cols, cols))
                    v = -v;
        }
    }
}
