namespace StampSim.Tensors;

/// <summary>
/// A dense row-major matrix: the one tensor shape the layer engine works on
/// (activations <c>(s, d)</c>, weights <c>(n, d)</c>, outputs <c>(s, n)</c>).
/// </summary>
/// <typeparam name="T">Element type.</typeparam>
public sealed class Matrix<T> where T : unmanaged
{
    /// <summary>Wraps <paramref name="data"/> (length rows*cols) without copying.</summary>
    public Matrix(int rows, int cols, T[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        if ((long)rows * cols != data.LongLength)
            throw new ArgumentException($"data has {data.LongLength} elements, expected {rows}x{cols}", nameof(data));
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Allocates a zeroed matrix.</summary>
    public Matrix(int rows, int cols) : this(rows, cols, new T[checked(rows * cols)]) { }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; }

    /// <summary>The elements, row-major.</summary>
    public T[] Data { get; }

    /// <summary>All elements as a span, row-major.</summary>
    public Span<T> Span => Data;

    /// <summary>Row <paramref name="i"/>.</summary>
    public Span<T> Row(int i) => Data.AsSpan(i * Cols, Cols);

    /// <summary>Element (i, j).</summary>
    public ref T this[int i, int j] => ref Data[i * Cols + j];

    /// <summary>A deep copy.</summary>
    public Matrix<T> Clone() => new(Rows, Cols, (T[])Data.Clone());

    /// <inheritdoc />
    public override string ToString() => $"Matrix<{typeof(T).Name}>({Rows}x{Cols})";
}
