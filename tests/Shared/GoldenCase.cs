using System.Text.Json;
using StampSim.Config;
using StampSim.Pipeline;
using StampSim.Tensors;
using StampSim.Traces.Npy;

namespace StampSim.Tests.Support;

/// <summary>
/// One fixture of the independent NumPy reference (tests/StampSim.Numerics.Tests/Golden), copied next to
/// each test assembly under <c>Golden/cases</c>: its config, the expected event counts and the arrays.
/// </summary>
internal sealed class GoldenCase : IDisposable
{
    private GoldenCase(string name, StampConfig config, JsonElement meta, NpzFile npz)
    {
        Name = name;
        Config = config;
        Meta = meta;
        Npz = npz;
    }

    /// <summary>Case name (file stem).</summary>
    public string Name { get; }

    /// <summary>Numerics and MAC array of the case.</summary>
    public StampConfig Config { get; }

    /// <summary>The case's JSON (levels, expected events).</summary>
    public JsonElement Meta { get; }

    /// <summary>Inputs and every expected intermediate.</summary>
    public NpzFile Npz { get; }

    /// <summary>Names of every case, sorted.</summary>
    public static IEnumerable<string> Names() =>
        Directory.GetFiles(TestData.Fixture("Golden", "cases"), "*.json").Order().Select(f => Path.GetFileNameWithoutExtension(f)!);

    /// <summary>Opens a case.</summary>
    public static GoldenCase Load(string name)
    {
        var meta = JsonDocument.Parse(File.ReadAllText(TestData.Fixture("Golden", "cases", name + ".json"))).RootElement;
        // The case file is JSON, which is YAML: only numerics and mac_array are read as config.
        var configText = JsonSerializer.Serialize(new Dictionary<string, JsonElement>
        {
            ["numerics"] = meta.GetProperty("numerics"),
            ["mac_array"] = meta.GetProperty("mac_array"),
        });
        return new GoldenCase(name, StampConfig.Parse(configText, name + ".json"), meta, NpzFile.Open(TestData.Fixture("Golden", "cases", name + ".npz")));
    }

    /// <summary>The layer's inputs (X, W and the bias when the case has one).</summary>
    public LayerInputs Inputs() =>
        new(Matrix(Npz.ReadFloat32("x")), Matrix(Npz.ReadFloat32("w")), Npz.Contains("b") ? Npz.ReadFloat32("b").Data : null);

    /// <summary>Expected adder-tree events.</summary>
    public long TreeEvents => Meta.GetProperty("tree_events").GetInt64();

    /// <summary>Expected accumulator events.</summary>
    public long AccEvents => Meta.GetProperty("acc_events").GetInt64();

    /// <inheritdoc />
    public void Dispose() => Npz.Dispose();

    private static Matrix<float> Matrix(NpyTensor t) => new((int)t.Shape[0], (int)t.Shape[1], t.Data);
}
