using System.Buffers;
using StampSim.Numerics;

namespace StampSim.Transforms;

/// <summary>
/// Runs a per-column sequence transform over blocks of adjacent columns in parallel. Columns are
/// independent, so the split never changes a result.
/// </summary>
internal static class ColumnBlocks
{
    /// <summary>Columns per block: a block of all tokens stays cache-resident while it is transformed.</summary>
    public const int Width = 64;

    public delegate void BlockAction<T>(Span<T> data, int cols, int c0, int width, Span<T> scratch);

    /// <summary>Calls <paramref name="action"/> for each column block with a scratch of <paramref name="scratchRows"/> x width.</summary>
    public static void Run<T>(Span<T> data, int cols, int scratchRows, ExecutionOptions options, BlockAction<T> action) where T : unmanaged
    {
        int blocks = (cols + Width - 1) / Width;
        if (blocks == 0) return;
        unsafe
        {
            fixed (T* p = data)
            {
                var ptr = (nint)p;
                int length = data.Length;
                System.Threading.Tasks.Parallel.For(0, blocks, options.Parallel,
                    () => ArrayPool<T>.Shared.Rent(Math.Max(1, scratchRows * Width)),
                    (b, _, scratch) =>
                    {
                        int c0 = b * Width;
                        int w = Math.Min(Width, cols - c0);
                        action(new Span<T>((T*)ptr, length), cols, c0, w, scratch.AsSpan(0, scratchRows * w));
                        return scratch;
                    },
                    scratch => ArrayPool<T>.Shared.Return(scratch));
            }
        }
    }
}
