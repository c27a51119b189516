using StampSim.Tensors;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using StampSim.Numerics;

namespace StampSim.Quantization;

/// <summary>
/// The contract's offline weight quantizer: per output channel, symmetric,
/// <c>sw[n] = f32(max_j |W[n,j]| / qmax)</c>, <c>qw = clamp(round_half_even(f32(W / sw)), −qmax, qmax)</c>.
/// </summary>
public static class WeightQuantizer
{
    /// <summary>Quantizes <paramref name="w"/> (n x d); row sums are taken per group of <paramref name="groupSize"/> features.</summary>
    public static QuantizedWeights Quantize(ReadOnlySpan<float> w, int outputs, int features, int bits, int groupSize, ExecutionOptions options)
    {
        int groups = features / groupSize;
        var codes = LargeArrays.Uninitialized<sbyte>(checked(outputs * features));   // every row is written below
        var scale = new float[outputs];
        var rowSum = new int[(long)groups * outputs];
        float qmax = SymmetricQuantizer.MaxCode(bits);
        unsafe
        {
            fixed (float* pw = w)
            {
                var ptr = (nint)pw;
                int length = w.Length;
                Parallel.For(0, outputs, options.Parallel, n =>
                {
                    var row = new ReadOnlySpan<float>((float*)ptr, length).Slice(n * features, features);
                    float amax = Math.Abs(TensorPrimitives.MaxMagnitude(row));
                    float sw = amax / qmax;
                    scale[n] = sw;
                    var dst = codes.AsSpan(n * features, features);
                    if (sw == 0f)
                    {
                        dst.Clear();
                        return;
                    }
                    // Stored without offset: the kernel's truncating narrow leaves each code's two's complement byte.
                    QuantizeKernel.Run(row, 0f, sw, -qmax, qmax, 0, MemoryMarshal.AsBytes(dst));
                    for (int g = 0; g < groups; g++)
                        rowSum[g * outputs + n] = CodeSums.Sum(dst.Slice(g * groupSize, groupSize));
                });
            }
        }
        return new QuantizedWeights(outputs, features, groupSize, codes, scale, rowSum, bits);
    }
}
