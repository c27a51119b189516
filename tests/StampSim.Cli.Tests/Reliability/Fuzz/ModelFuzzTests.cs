using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// <c>stampsim model</c> fed seeded mutations of a valid Hugging Face config.json (an embedded preset written
/// out as a file: a key removed, a value replaced by an odd one, the text truncated or bit-flipped) and of
/// its command line. Each case must satisfy <see cref="FuzzCase"/>; one that runs must also report only
/// finite, non-negative figures, and must not have run on a dimension that is not a positive whole number.
/// </summary>
public class ModelFuzzTests
{
    /// <summary>config.json cases.</summary>
    private const int ConfigCases = 120;

    /// <summary>Command-line cases.</summary>
    private const int ArgumentCases = 100;

    private static readonly string[] Presets = ["stories260K", "llama-2-7b", "qwen2.5-7b", "vit-tiny", "vit-b-16", "pixart-sigma-xl-2-1024"];

    // JSON values (as text) a config.json key should never hold, or should hold only where it means them.
    private static readonly string[] OddValues =
        ["-1", "0", "-0", "1.5", "1e308", "1e400", "2147483648", "9223372036854775808", "\"x\"", "\"64\"", "\"NaN\"", "NaN", "Infinity", "null", "[]", "[64]", "{}", "true", ""];

    private static readonly string[] OddArguments =
        [.. ArgumentMutation.Odd, "1,2,,3", "0,64", "64,-1", "2147483647", "1000000", "mac_array.rows=0", "clock_ghz=1e30", "numerics.hi_tokens=100000"];

    // The options of model; every other case aims at one of them.
    private static readonly string[] Aimed = ["--prompt", "--decode", "--batch", "--sweep-prompt", "--config", "--set", "--out", "--json"];

    private static string Preset(string name) =>
        Path.Combine(SharedData.RepoRoot(), "src", "StampSim.Core", "ModelCost", "Presets", name + ".json");

    [Fact]
    public void Mutated_config_json_is_refused_cleanly_or_costed_soundly()
    {
        var mutator = new Mutator(31);
        for (int i = 0; i < ConfigCases; i++)
        {
            string preset = Presets[mutator.Next(Presets.Length)];
            var (text, what, oddDimension) = MutateConfig(mutator, File.ReadAllText(Preset(preset)));
            using var dir = new TempDir();
            string config = dir.File("config.json");
            File.WriteAllBytes(config, text);
            string describe = $"seed 31 case {i} ({preset}: {what})";
            var r = FuzzCase.Check(dir, describe, "model", "--arch", config, "--prompt", "64", "--decode", "4", "--out", dir.File("r"), "--json", dir.File("m.json"));
            if (r.Code != 0) continue;
            Assert.False(oddDimension, $"{describe}: ran on a dimension that is not a positive whole number\n{r.Out}");
            AssertSound(dir.File("m.json"), describe);
        }
    }

    [Fact]
    public void Mutated_command_lines_are_refused_cleanly_or_run()
    {
        var mutator = new Mutator(32);
        for (int i = 0; i < ArgumentCases; i++)
        {
            using var dir = new TempDir();
            File.Copy(Preset("stories260K"), dir.File("llm.json"));
            File.Copy(Preset("vit-tiny"), dir.File("vit.json"));
            File.Copy(Path.Combine(SharedData.RepoRoot(), "hwconfigs", "edge-npu.yaml"), dir.File("c.yaml"));
            string[][] lines =
            [
                ["model", "--arch", dir.File("llm.json"), "--prompt", "64", "--decode", "4", "--batch", "1", "--sweep-prompt", "32,64", "--config", dir.File("c.yaml"),
                    "--set", "numerics.hi_tokens=4", "--out", dir.File("r"), "--json", dir.File("m.json")],
                ["model", "--arch", dir.File("vit.json"), "--batch", "2", "--config", dir.File("c.yaml"), "--out", dir.File("r"), "--json", dir.File("m.json")],
            ];
            var args = lines[mutator.Next(lines.Length)].ToList();
            string what = i % 2 == 0 ? ArgumentMutation.Apply(mutator, args, dir, OddArguments) : ArgumentMutation.ReplaceValue(mutator, args, dir, Aimed, OddArguments);
            string describe = $"seed 32 case {i} ({what})";
            var r = FuzzCase.Check(dir, describe, [.. args]);
            if (r.Code == 0 && args.Contains("--json") && File.Exists(args[args.IndexOf("--json") + 1]))
                AssertSound(args[args.IndexOf("--json") + 1], describe);
        }
    }

    // One mutation of a config.json's text; whether it put an odd value where a positive whole number belongs.
    private static (byte[] Text, string What, bool OddDimension) MutateConfig(Mutator m, string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var keys = root.Select(kv => kv.Key).ToArray();
        string key = keys[m.Next(keys.Length)];
        switch (m.Next(6))
        {
            case 0:
                root.Remove(key);
                return (Encoding.UTF8.GetBytes(root.ToJsonString()), $"'{key}' removed", false);
            case 1:
            case 2:
                string value = OddValues[m.Next(OddValues.Length)];
                bool dimension = root[key] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) && n > 0;
                bool odd = !long.TryParse(value, out long given) || given <= 0;
                // Written by hand: NaN, Infinity, 1e400 and an empty value are not values a JsonNode can hold.
                string text = "{" + string.Join(", ", root.Select(kv => $"{JsonSerializer.Serialize(kv.Key)}: {(kv.Key == key ? value : kv.Value?.ToJsonString() ?? "null")}")) + "}";
                return (Encoding.UTF8.GetBytes(text), $"'{key}' = {value}", dimension && odd);
            case 3:
                var bytes = Encoding.UTF8.GetBytes(json);
                int cut = m.Next(bytes.Length);
                return (bytes[..cut], $"truncated to {cut} bytes", false);
            case 4:
                var flipped = Encoding.UTF8.GetBytes(json);
                int at = m.Next(flipped.Length), bit = m.Next(8);
                flipped[at] ^= (byte)(1 << bit);
                return (flipped, $"bit {bit} of byte {at} flipped", false);
            default:
                var (mutated, what) = m.Mutate(Encoding.UTF8.GetBytes(json));
                return (mutated, what, false);
        }
    }

    // Every figure of the result finite and not negative: times, energies, bytes and counts.
    private static void AssertSound(string jsonPath, string describe)
    {
        string text = File.ReadAllText(jsonPath);
        void Walk(JsonNode? n, string path)
        {
            switch (n)
            {
                case JsonObject o: foreach (var kv in o) Walk(kv.Value, $"{path}.{kv.Key}"); break;
                case JsonArray a: for (int i = 0; i < a.Count; i++) Walk(a[i], $"{path}[{i}]"); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                    double d = v.GetValue<double>();
                    Assert.True(double.IsFinite(d) && d >= 0, $"{describe}: {path} = {d} in the result");
                    break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    string s = v.GetValue<string>();
                    Assert.False(s is "NaN" or "Infinity" or "-Infinity", $"{describe}: {path} = {s} in the result");
                    break;
            }
        }
        Walk(JsonNode.Parse(text), "$");
    }
}
