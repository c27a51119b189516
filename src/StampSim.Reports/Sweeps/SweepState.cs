using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Io;

namespace StampSim.Reports.Sweeps;

/// <summary>
/// <c>sweep.json</c> in a sweep's folder: the spec hash (so a changed spec is detected), the shard,
/// and the points this folder is responsible for.
/// </summary>
/// <param name="SpecHash">SHA-256 of the spec and the content of its configs and traces.</param>
/// <param name="SpecSource">The spec file.</param>
/// <param name="ShardIndex">This folder's shard, or null for a whole sweep.</param>
/// <param name="ShardCount">Number of shards (1 for a whole sweep).</param>
/// <param name="Points">Points this folder evaluates.</param>
/// <param name="TotalPoints">Points of the whole sweep (all shards).</param>
public sealed record SweepState(string SpecHash, string SpecSource, int? ShardIndex, int ShardCount, int Points, int TotalPoints)
{
    /// <summary>File name inside the sweep folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>Writes the state atomically.</summary>
    public void Write(string dir) =>
        AtomicFile.WriteAllText(Path.Combine(dir, FileName), new JsonObject
        {
            ["spec_hash"] = SpecHash,
            ["spec"] = SpecSource,
            ["shard_index"] = ShardIndex,
            ["shard_count"] = ShardCount,
            ["points"] = Points,
            ["total_points"] = TotalPoints,
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    /// <summary>Reads the state of a sweep folder, or null when it has none.</summary>
    /// <exception cref="InputException">The file exists but is not a sweep state.</exception>
    public static SweepState? Read(string dir)
    {
        string path = Path.Combine(dir, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            var o = JsonNode.Parse(StrictText.ReadFile(path))!.AsObject();
            return new SweepState(o["spec_hash"]!.GetValue<string>(), o["spec"]!.GetValue<string>(), o["shard_index"]?.GetValue<int>(),
                o["shard_count"]!.GetValue<int>(), o["points"]!.GetValue<int>(), o["total_points"]!.GetValue<int>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException or FormatException)
        {
            throw new InputException($"{path}: not a valid sweep state ({e.Message})");
        }
    }
}
