using System.Buffers;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using StampSim.Numerics;
using StampSim.Pipeline;
using StampSim.Quantization;

namespace StampSim.Metrics;

/// <summary>
/// <c>||X − L^-1(dequant(Q(L X)))||²</c> and <c>||X||²</c> in float64, X taken after the feature transform
/// (orthogonal, so the error and energy are those of the original activations up to float32 rounding).
/// The sequence transform acts on each feature column alone, so this runs over narrow blocks of columns, one
/// worker per block: a block is dequantised, widened and inverse-transformed in the worker's cache, and memory
/// stays O(s x block). The blocks' additions to each row's sums are committed in block order, so every row's sums
/// take the features in ascending order, whatever the block width or thread count.
/// </summary>
internal static class ActivationError
{
    // Each of a block's two float64 buffers takes about 1 MB (s x width): they stay in the worker's caches while
    // transformed and summed, where wider blocks spill to memory and narrower ones pay per-row overhead (64 at s = 2048).
    private const int BlockBytes = 1 << 20;
    private const int MinWidth = 8, MaxWidth = 512;

    // How many rows ahead the fill prefetches a block's inputs.
    private const int PrefetchRows = 16;

    /// <summary>The activation energy and squared error of <paramref name="result"/>.</summary>
    public static (double Energy, double Error) Compute(LayerResult result, ExecutionOptions options)
    {
        var qx = result.Activations;
        int s = qx.Tokens, d = qx.Features;
        int width = Math.Clamp(BlockBytes / sizeof(double) / Math.Max(1, s), MinWidth, MaxWidth);
        int blocks = (d + width - 1) / width;
        var energy = new double[s];
        var error = new double[s];
        if (blocks == 0 || s == 0) return (0, 0);
        var turns = new Turns();
        int claimed = -1;
        Parallel.For(0, Math.Min(options.Threads, blocks), options.Parallel, _ =>
        {
            var xhat = ArrayPool<double>.Shared.Rent(checked(s * width));
            var x = ArrayPool<double>.Shared.Rent(s * width);
            try
            {
                // Blocks are claimed in order, so the oldest uncommitted block always has a running owner.
                for (int b; (b = Interlocked.Increment(ref claimed)) < blocks;)
                {
                    int c = b * width, w = Math.Min(width, d - c);
                    var bh = xhat.AsSpan(0, s * w);
                    var bx = x.AsSpan(0, s * w);
                    Fill(qx, result.TransformedX, c, w, bh, bx);
                    result.Transform.Inverse(bh, w);
                    result.Transform.Inverse(bx, w);
                    turns.Await(b);
                    RowSums.Squares(bx, w, s, w, energy, 1);
                    RowSums.SquaredErrors<double>(bh, w, bx, w, s, w, error, 1);
                    turns.Pass();
                }
            }
            catch
            {
                turns.Abandon();
                throw;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(xhat);
                ArrayPool<double>.Shared.Return(x);
            }
        });
        return (LayerMetrics.SumInOrder(energy), LayerMetrics.SumInOrder(error));
    }

    // Columns [c, c + w) of every row: xhat = (code − offset) · delta + mn of the code's group (a multiply, then an
    // add, in float64; the code's value and the offset are exact) and x = the transformed activation, widened.
    private static unsafe void Fill(QuantizedActivations qx, float[] lx, int c, int w, Span<double> xhat, Span<double> x)
    {
        int s = qx.Tokens, d = qx.Features, g = qx.GroupSize, groups = qx.Groups, offset = qx.CodeOffset;
        if (xhat.Length < s * w || x.Length < s * w || c + w > d)
            throw new ArgumentException("activation error block out of range");
        bool vector = Avx2.IsSupported;
        fixed (byte* codes = qx.Codes)
        fixed (float* scale = qx.Scale, min = qx.Offset, src = lx)
        fixed (double* ph = xhat, px = x)
            for (int i = 0; i < s; i++)
            {
                byte* ci = codes + (long)i * d + c;
                float* li = src + (long)i * d + c;
                double* hi = ph + (long)i * w, xi = px + (long)i * w;
                if (vector && i + PrefetchRows < s)
                {
                    // Rows are d apart, too far for the hardware prefetcher: ask for a later row's segment now.
                    for (int b = 0; b < w * sizeof(float); b += 64) Sse.Prefetch0((byte*)(li + (long)PrefetchRows * d) + b);
                    Sse.Prefetch0(ci + (long)PrefetchRows * d);
                }
                int j = 0;
                if (vector)
                    for (; j + 4 <= w; j += 4) Avx.Store(xi + j, Avx.ConvertToVector256Double(Sse.LoadVector128(li + j)));
                for (; j < w; j++) xi[j] = li[j];
                for (j = 0; j < w;)
                {
                    int k = (c + j) / g, end = Math.Min(w, (k + 1) * g - c);
                    double delta = scale[i * groups + k], mn = min[i * groups + k];
                    if (vector)
                    {
                        Vector256<double> vd = Vector256.Create(delta), vm = Vector256.Create(mn), vo = Vector256.Create((double)offset);
                        for (; j + 4 <= end; j += 4)
                        {
                            var value = Avx.Subtract(Avx.ConvertToVector256Double(Sse41.ConvertToVector128Int32(ci + j)), vo);
                            Avx.Store(hi + j, Avx.Add(Avx.Multiply(value, vd), vm));
                        }
                    }
                    for (; j < end; j++) hi[j] = (ci[j] - offset) * delta + mn;
                }
            }
    }

    /// <summary>Lets the blocks add to the rows' sums one at a time, in block order.</summary>
    private sealed class Turns
    {
        private readonly object _gate = new();
        private int _next;
        private bool _abandoned;

        public void Await(int turn)
        {
            lock (_gate)
            {
                while (_next != turn && !_abandoned) Monitor.Wait(_gate);
                if (_abandoned) throw new OperationCanceledException("another block of the activation error failed");
            }
        }

        public void Pass()
        {
            lock (_gate)
            {
                _next++;
                Monitor.PulseAll(_gate);
            }
        }

        public void Abandon()
        {
            lock (_gate)
            {
                _abandoned = true;
                Monitor.PulseAll(_gate);
            }
        }
    }
}
