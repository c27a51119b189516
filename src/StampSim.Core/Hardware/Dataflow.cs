using System.Text.Json;
using System.Text.Json.Serialization;

namespace StampSim.Hardware;

/// <summary>
/// How data moves through the MAC array, in the sense of SCALE-Sim and Timeloop: which GEMM dimension is
/// spread over the array's rows and which over its columns (the third streams through it), and which
/// operand sits in the processing elements. One entry of <see cref="Dataflows"/>, named by <c>mac_array.dataflow</c>.
/// </summary>
/// <param name="Name">The config name.</param>
/// <param name="Description">What it is, in words.</param>
/// <param name="Rows">The dimension spread over the rows.</param>
/// <param name="Cols">The dimension spread over the columns.</param>
/// <param name="Stationary">The operand held in the processing elements while the streamed dimension passes.</param>
[JsonConverter(typeof(DataflowJsonConverter))]
public sealed record Dataflow(string Name, string Description, GemmAxis Rows, GemmAxis Cols, TensorKind Stationary)
{
    /// <summary>The dimension that streams through the array, one element per cycle.</summary>
    public GemmAxis Streamed => (GemmAxis)(3 - (int)Rows - (int)Cols);

    /// <summary>The extent of <paramref name="axis"/> in a GEMM of <paramref name="m"/> x <paramref name="k"/> x <paramref name="n"/>.</summary>
    public static long Extent(GemmAxis axis, long m, long k, long n) => axis switch
    {
        GemmAxis.Tokens => m,
        GemmAxis.Reduction => k,
        GemmAxis.Outputs => n,
        _ => throw new ArgumentOutOfRangeException(nameof(axis), axis, null),
    };

    /// <summary>
    /// SCALE-Sim's per-fold overhead beyond the streamed length: the pipeline's fill and drain
    /// (<c>R + C − 2</c>), plus <c>R</c> cycles shifting in the stationary operand unless the outputs are
    /// what stays (they accumulate in place).
    /// </summary>
    public long FoldOverhead(int rows, int cols) => (Stationary == TensorKind.Outputs ? rows : 2L * rows) + cols - 2;

    /// <summary>The pipeline's fill and drain alone: <c>R + C − 2</c>.</summary>
    public static long FillDrain(int rows, int cols) => rows + cols - 2L;

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>Writes a <see cref="Dataflow"/> as its config name, so an effective configuration loads back as YAML.</summary>
public sealed class DataflowJsonConverter : JsonConverter<Dataflow>
{
    /// <inheritdoc />
    public override Dataflow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Dataflows.Named(reader.GetString() ?? "");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Dataflow value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
}
