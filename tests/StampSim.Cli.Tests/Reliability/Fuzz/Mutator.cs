using System.Text;
using System.Text.Json.Nodes;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// Seeded mutations of a file's bytes, of the kinds that break readers: truncation, bit flips, lies in a
/// length field, deep nesting, huge and non-finite numbers, invalid UTF-8, and repeated or zeroed spans.
/// The same seed always gives the same mutation, so a failing case is reproduced by its seed alone.
/// </summary>
internal sealed class Mutator(int seed)
{
    private readonly Random _rng = new(seed);

    public int Next(int max) => _rng.Next(max);

    /// <summary>One mutation of <paramref name="input"/>, and its name for the failure message.</summary>
    public (byte[] Bytes, string What) Mutate(byte[] input)
    {
        var b = (byte[])input.Clone();
        switch (_rng.Next(10))
        {
            case 0:
                int cut = _rng.Next(b.Length + 1);
                return (b[..cut], $"truncated to {cut} bytes");
            case 1:
                int flips = 1 + _rng.Next(8);
                for (int i = 0; i < flips && b.Length > 0; i++) b[_rng.Next(b.Length)] ^= (byte)(1 << _rng.Next(8));
                return (b, $"{flips} bit flips");
            case 2:
                // The length fields of .npy (bytes 8-9 or 8-11) and safetensors (bytes 0-7), and the zip sizes, lie.
                int at = _rng.Next(3) switch { 0 => 0, 1 => 8, _ => _rng.Next(Math.Max(1, b.Length)) };
                long lie = _rng.Next(4) switch { 0 => 0, 1 => long.MaxValue, 2 => b.Length * 2L, _ => _rng.NextInt64() };
                var bytes = BitConverter.GetBytes(lie);
                for (int i = 0; i < 8 && at + i < b.Length; i++) b[at + i] = bytes[i];
                return (b, $"length field at {at} set to {lie}");
            case 3:
                return (Insert(b, Encoding.ASCII.GetBytes(Nesting())), "deep nesting");
            case 4:
                return (ReplaceNumber(b, _rng.Next(6) switch { 0 => "3e38", 1 => "-3.4028235e38", 2 => "1e400", 3 => "NaN", 4 => "99999999999999999999", _ => "-1" }), "huge or odd number");
            case 5:
                byte[][] invalid = [[0xFF], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80]];
                return (Insert(b, invalid[_rng.Next(invalid.Length)]), "invalid UTF-8");
            case 6:
                if (b.Length < 2) return (b, "unchanged");
                int start = _rng.Next(b.Length), len = _rng.Next(Math.Min(64, b.Length - start) + 1);
                return (Insert(b, b[start..(start + len)]), $"span {start}+{len} repeated");
            case 7:
                if (b.Length == 0) return (b, "unchanged");
                int zs = _rng.Next(b.Length), zl = Math.Min(b.Length - zs, 1 + _rng.Next(32));
                Array.Clear(b, zs, zl);
                return (b, $"span {zs}+{zl} zeroed");
            case 8:
                return (Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(b)), "re-encoded Latin-1 as UTF-8");
            default:
                int n = _rng.Next(3) + 1;
                for (int i = 0; i < n && b.Length > 0; i++) b[_rng.Next(b.Length)] = (byte)_rng.Next(256);
                return (b, $"{n} random bytes");
        }
    }

    /// <summary>A structural mutation of a JSON document: a random node replaced by another kind of value.</summary>
    public (JsonNode Root, string What) MutateJson(JsonNode root)
    {
        var nodes = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            nodes.Add(n);
            if (n is JsonObject o) foreach (var kv in o) Walk(kv.Value);
            if (n is JsonArray a) foreach (var v in a) Walk(v);
        }
        Walk(root);
        var target = nodes[1 + _rng.Next(nodes.Count - 1)];
        JsonNode? replacement = _rng.Next(7) switch
        {
            0 => null,
            1 => JsonValue.Create("x"),
            2 => JsonValue.Create(1e308),
            3 => new JsonArray(),
            4 => new JsonObject(),
            5 => JsonValue.Create(-1),
            _ => JsonValue.Create(true),
        };
        string path = target.GetPath();
        switch (target.Parent)
        {
            case JsonObject parent:
                string key = parent.First(kv => ReferenceEquals(kv.Value, target)).Key;
                if (_rng.Next(4) == 0) parent.Remove(key); else parent[key] = replacement;
                break;
            case JsonArray array:
                int i = array.IndexOf(target);
                if (_rng.Next(4) == 0) array.RemoveAt(i); else array[i] = replacement;
                break;
        }
        return (root, $"{path} replaced");
    }

    private string Nesting()
    {
        int depth = 1000 + _rng.Next(5000);
        return _rng.Next(3) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
            _ => string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * depth) + "1\n",
        };
    }

    private byte[] Insert(byte[] b, byte[] what)
    {
        int at = _rng.Next(b.Length + 1);
        return [.. b[..at], .. what, .. b[at..]];
    }

    // Replaces one run of digits (a number in a text format, or bytes that look like one) with the given text.
    private byte[] ReplaceNumber(byte[] b, string number)
    {
        var digits = Enumerable.Range(0, b.Length).Where(i => b[i] is >= (byte)'0' and <= (byte)'9' && (i == 0 || b[i - 1] is < (byte)'0' or > (byte)'9')).ToList();
        if (digits.Count == 0) return Insert(b, Encoding.ASCII.GetBytes(number));
        int start = digits[_rng.Next(digits.Count)], end = start;
        while (end < b.Length && (b[end] is >= (byte)'0' and <= (byte)'9' || b[end] == '.')) end++;
        return [.. b[..start], .. Encoding.ASCII.GetBytes(number), .. b[end..]];
    }
}
