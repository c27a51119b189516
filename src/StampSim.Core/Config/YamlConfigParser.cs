using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StampSim.Config;

/// <summary>
/// Parses YAML into <see cref="ConfigNode"/> trees that remember line and column, rejecting
/// duplicate keys, multi-document files, empty documents, forgotten values and nesting deeper than
/// <see cref="MaxDepth"/> (YamlDotNet's event parser does the YAML itself; the tree is built
/// recursively, so the depth bound is what keeps a hostile file from overflowing the stack).
/// </summary>
public static class YamlConfigParser
{
    /// <summary>Deepest nesting of mappings and lists accepted; real configs use four levels.</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses a whole config document; the root must be a mapping.</summary>
    public static ConfigMap ParseDocument(string text, string source)
    {
        var node = Parse(text, source, positions: true);
        return node switch
        {
            null => throw new InputException($"{source}:1:1: the document is empty (nothing but comments or blank lines)"),
            ConfigMap map => map,
            _ => throw new InputException($"{node.Mark}: the top level must be a mapping of keys, found {node.KindName}"),
        };
    }

    /// <summary>Parses a single value (used for <c>--set key=value</c>).</summary>
    public static ConfigNode ParseValue(string text, string source)
    {
        var node = Parse(text, source, positions: false);
        if (node is null or ConfigScalar { IsNull: true })
            throw new InputException($"{source}: the value is empty or null; give a value (leave the --set out for the default)");
        return node;
    }

    // Values given on the command line are named by the override itself, not by a line:column.
    private static ConfigNode? Parse(string text, string source, bool positions)
    {
        var parser = new Parser(new StringReader(text));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
                return null;
            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, ConfigNode>();
            var root = ReadNode(parser, source, anchors, positions, 0);
            parser.Consume<DocumentEnd>();
            if (!parser.TryConsume<StreamEnd>(out _))
                throw new InputException($"{Mark(source, parser.Current?.Start)}: only one YAML document is allowed");
            return root;
        }
        catch (YamlException e)
        {
            string msg = e.Message;
            int paren = msg.IndexOf("): ", StringComparison.Ordinal);
            if (msg.StartsWith('(') && paren > 0) msg = msg[(paren + 3)..];
            throw new InputException($"{Mark(source, e.Start)}: invalid YAML: {msg}");
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on a few malformed inputs (a plain scalar running into
            // a flow mapping's next line); the last event it produced is the nearest position there is.
            throw new InputException($"{Mark(source, parser.Current?.Start)}: invalid YAML near here");
        }
    }

    private static ConfigNode ReadNode(IParser parser, string source, Dictionary<string, ConfigNode> anchors, bool positions, int depth)
    {
        SourceMark Mark(string src, YamlDotNet.Core.Mark? m) => positions ? YamlConfigParser.Mark(src, m) : new SourceMark(src, 0, 0);
        var ev = parser.Current ?? throw new InputException($"{source}: unexpected end of YAML");
        if (depth > MaxDepth)
            throw new InputException($"{Mark(source, ev.Start)}: nested more than {MaxDepth} levels deep");
        ConfigNode node;
        string? anchor = null;
        switch (ev)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new InputException($"{Mark(source, alias.Start)}: unknown alias *{alias.Value.Value}");
            case Scalar s:
                parser.MoveNext();
                anchor = s.Anchor.IsEmpty ? null : s.Anchor.Value;
                node = new ConfigScalar(s.Value, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, Mark(source, s.Start));
                break;
            case SequenceStart seq:
                parser.MoveNext();
                anchor = seq.Anchor.IsEmpty ? null : seq.Anchor.Value;
                var items = new List<ConfigNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var itemMark = Mark(source, parser.Current?.Start);
                    items.Add(RequireValue(ReadNode(parser, source, anchors, positions, depth + 1), $"{itemMark}: list item {items.Count + 1}"));
                }
                node = new ConfigList(items, Mark(source, seq.Start));
                break;
            case MappingStart map:
                parser.MoveNext();
                anchor = map.Anchor.IsEmpty ? null : map.Anchor.Value;
                var result = new ConfigMap(Mark(source, map.Start));
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyEvent = parser.Current;
                    if (keyEvent is not Scalar key)
                        throw new InputException($"{Mark(source, keyEvent?.Start)}: mapping keys must be plain scalars");
                    parser.MoveNext();
                    var keyMark = Mark(source, key.Start);
                    if (result.Find(key.Value) is { } previous)
                        throw new InputException($"{keyMark}: duplicate key '{key.Value}' (first defined at line {previous.KeyMark.Line}:{previous.KeyMark.Column})");
                    result.Set(key.Value, keyMark, RequireValue(ReadNode(parser, source, anchors, positions, depth + 1), $"{keyMark}: '{key.Value}'"));
                }
                node = result;
                break;
            default:
                throw new InputException($"{Mark(source, ev.Start)}: unexpected YAML {ev.GetType().Name}");
        }
        if (anchor is not null) anchors[anchor] = node;
        return node;
    }

    // An empty value or '~' is how a forgotten value reads, and would silently mean "the default"; the key
    // is left out for that. A written 'null' gets through (the effective configuration is JSON with nulls
    // for "none", and loads back), and ConfigSection refuses it wherever "none" is not a meaning.
    private static ConfigNode RequireValue(ConfigNode node, string what) =>
        node is ConfigScalar { Quoted: false, Text: "" or "~" }
            ? throw new InputException($"{what} has no value; give a value, or leave the key out for the default")
            : node;

    private static SourceMark Mark(string source, YamlDotNet.Core.Mark? m) =>
        m is { } v ? new SourceMark(source, (int)v.Line, (int)v.Column) : new SourceMark(source, 0, 0);
}
