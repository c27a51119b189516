namespace StampSim.Config;

/// <summary>Applies <c>--set dotted.key=value</c> overrides to a parsed config tree.</summary>
public static class ConfigOverrides
{
    /// <summary>Applies each <c>key=value</c> in order; the value is parsed as YAML (so lists work).</summary>
    public static void Apply(ConfigMap root, IEnumerable<string> assignments)
    {
        foreach (var assignment in assignments)
        {
            int eq = assignment.IndexOf('=');
            string source = $"--set {assignment}";
            if (eq <= 0)
                throw new InputException($"{source}: expected key=value with a dotted key such as numerics.hi_tokens=16");
            string path = assignment[..eq].Trim();
            var value = YamlConfigParser.ParseValue(assignment[(eq + 1)..], source);
            Set(root, path, value, source);
        }
    }

    /// <summary>Sets the value at a dotted path, creating intermediate mappings.</summary>
    public static void Set(ConfigMap root, string path, ConfigNode value, string source)
    {
        var mark = new SourceMark(source, 0, 0);
        var parts = path.Split('.');
        if (parts.Any(p => p.Length == 0))
            throw new InputException($"{source}: malformed key path '{path}'");
        var map = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            var entry = map.Find(parts[i]);
            if (entry is null || entry.Value is ConfigScalar { IsNull: true })
            {
                var created = new ConfigMap(mark);
                map.Set(parts[i], mark, created);
                map = created;
            }
            else if (entry.Value is ConfigMap m)
                map = m;
            else
                throw new InputException($"{source}: '{string.Join('.', parts[..(i + 1)])}' is {entry.Value.KindName}, not a section");
        }
        map.Set(parts[^1], mark, value);
    }
}
