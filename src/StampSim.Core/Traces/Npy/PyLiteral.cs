using System.Globalization;

namespace StampSim.Traces.Npy;

/// <summary>
/// Parses the Python dict literal of a .npy header: string keys, string/bool/int values and
/// tuples of ints. Nothing else appears in headers NumPy writes for plain arrays.
/// </summary>
internal static class PyLiteral
{
    public static Dictionary<string, object> ParseDict(string text, string name)
    {
        int pos = 0;
        var result = new Dictionary<string, object>(StringComparer.Ordinal);
        Skip(text, ref pos);
        Expect(text, ref pos, '{', name);
        while (true)
        {
            Skip(text, ref pos);
            if (Peek(text, pos) == '}') { pos++; break; }
            if (ParseValue(text, ref pos, name) is not string key)
                throw Bad(name, "dict key is not a string");
            Skip(text, ref pos);
            Expect(text, ref pos, ':', name);
            Skip(text, ref pos);
            if (result.ContainsKey(key))
                throw Bad(name, $"duplicate key '{key}'");
            result[key] = ParseValue(text, ref pos, name);
            Skip(text, ref pos);
            if (Peek(text, pos) == ',') { pos++; continue; }
            Skip(text, ref pos);
            Expect(text, ref pos, '}', name);
            break;
        }
        Skip(text, ref pos);
        if (pos != text.Length)
            throw Bad(name, "trailing characters after the header dict");
        return result;
    }

    private static object ParseValue(string t, ref int pos, string name)
    {
        char c = Peek(t, pos);
        if (c is '\'' or '"')
        {
            int end = t.IndexOf(c, pos + 1);
            if (end < 0) throw Bad(name, "unterminated string");
            string s = t[(pos + 1)..end];
            pos = end + 1;
            return s;
        }
        if (c == '(' || c == '[')
        {
            char close = c == '(' ? ')' : ']';
            pos++;
            var items = new List<long>();
            while (true)
            {
                Skip(t, ref pos);
                if (Peek(t, pos) == close) { pos++; break; }
                // Shapes are flat: refusing a nested bracket here keeps the recursion one level deep.
                if (Peek(t, pos) is '(' or '[' || ParseValue(t, ref pos, name) is not long v)
                {
                    if (c == '[') throw Bad(name, "structured dtypes are not supported");
                    throw Bad(name, "shape entries must be integers");
                }
                items.Add(v);
                Skip(t, ref pos);
                if (Peek(t, pos) == ',') { pos++; continue; }
                Skip(t, ref pos);
                Expect(t, ref pos, close, name);
                break;
            }
            return items;
        }
        int start = pos;
        while (pos < t.Length && (char.IsLetterOrDigit(t[pos]) || t[pos] == '-' || t[pos] == '_')) pos++;
        string word = t[start..pos];
        if (word == "True") return true;
        if (word == "False") return false;
        if (word.EndsWith('L')) word = word[..^1];
        if (long.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)) return n;
        throw Bad(name, $"unexpected token '{(word.Length > 0 ? word : c.ToString())}'");
    }

    private static char Peek(string t, int pos) => pos < t.Length ? t[pos] : '\0';

    private static void Skip(string t, ref int pos)
    {
        while (pos < t.Length && char.IsWhiteSpace(t[pos])) pos++;
    }

    private static void Expect(string t, ref int pos, char c, string name)
    {
        if (Peek(t, pos) != c) throw Bad(name, $"expected '{c}'");
        pos++;
    }

    private static InputException Bad(string name, string what) => new($"{name}: malformed .npy header: {what}");
}
