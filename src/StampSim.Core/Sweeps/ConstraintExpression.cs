using System.Globalization;

namespace StampSim.Sweeps;

/// <summary>
/// A sweep constraint such as <c>mac_array.rows * mac_array.cols &lt;= 16384</c>: arithmetic
/// (<c>+ - * /</c>, parentheses, numbers, dotted config keys) compared with <c>&lt;= &lt; &gt;= &gt; == !=</c>,
/// combined with <c>&amp;&amp;</c>, <c>||</c> and <c>!</c>. Keys take the effective config's value in base
/// units (bytes, bytes/s, GHz), so <c>buffers.act_buffer.capacity &lt;= 262144</c> means 256 KiB.
/// </summary>
public sealed class ConstraintExpression
{
    private readonly Node _root;

    private ConstraintExpression(string text, Node root, IReadOnlyList<string> keys)
    {
        Text = text;
        _root = root;
        Keys = keys;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>The config keys it reads.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>Parses an expression.</summary>
    /// <exception cref="FormatException">The expression is malformed; the message says where.</exception>
    public static ConstraintExpression Parse(string text)
    {
        var parser = new Parser(text);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        return new ConstraintExpression(text, root, parser.Keys.Distinct().ToArray());
    }

    /// <summary>True when the constraint holds; <paramref name="value"/> gives a key's numeric value.</summary>
    public bool Holds(Func<string, double> value) => _root.Evaluate(value) != 0;

    private abstract record Node
    {
        public abstract double Evaluate(Func<string, double> value);
    }

    private sealed record Number(double Value) : Node
    {
        public override double Evaluate(Func<string, double> value) => Value;
    }

    private sealed record Key(string Name) : Node
    {
        public override double Evaluate(Func<string, double> value) => value(Name);
    }

    private sealed record Not(Node Operand) : Node
    {
        public override double Evaluate(Func<string, double> value) => Operand.Evaluate(value) == 0 ? 1 : 0;
    }

    private sealed record Negate(Node Operand) : Node
    {
        public override double Evaluate(Func<string, double> value) => -Operand.Evaluate(value);
    }

    private sealed record Binary(string Op, Node Left, Node Right) : Node
    {
        public override double Evaluate(Func<string, double> value)
        {
            double a = Left.Evaluate(value);
            if (Op == "&&") return a != 0 && Right.Evaluate(value) != 0 ? 1 : 0;
            if (Op == "||") return a != 0 || Right.Evaluate(value) != 0 ? 1 : 0;
            double b = Right.Evaluate(value);
            return Op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => a / b,
                "<=" => a <= b ? 1 : 0,
                "<" => a < b ? 1 : 0,
                ">=" => a >= b ? 1 : 0,
                ">" => a > b ? 1 : 0,
                "==" => a == b ? 1 : 0,
                _ => a != b ? 1 : 0,
            };
        }
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public List<string> Keys { get; } = [];

        public Node ParseOr() => Chain(ParseAnd, "||");

        private Node ParseAnd() => Chain(ParseComparison, "&&");

        private Node ParseComparison()
        {
            var left = ParseSum();
            foreach (var op in new[] { "<=", ">=", "==", "!=", "<", ">" })
                if (Accept(op)) return new Binary(op, left, ParseSum());
            return left;
        }

        private Node ParseSum()
        {
            var node = ParseProduct();
            while (true)
            {
                if (Accept("+")) node = new Binary("+", node, ParseProduct());
                else if (Accept("-")) node = new Binary("-", node, ParseProduct());
                else return node;
            }
        }

        private Node ParseProduct()
        {
            var node = ParseUnary();
            while (true)
            {
                if (Accept("*")) node = new Binary("*", node, ParseUnary());
                else if (Accept("/")) node = new Binary("/", node, ParseUnary());
                else return node;
            }
        }

        private Node ParseUnary()
        {
            if (Accept("!")) return new Not(ParseUnary());
            if (Accept("-")) return new Negate(ParseUnary());
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")")) throw Error("expected ')'");
                return inner;
            }
            SkipSpace();
            int start = _pos;
            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.'))
            {
                while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '.' || text[_pos] == '_' ||
                       ((text[_pos] == '+' || text[_pos] == '-') && (text[_pos - 1] == 'e' || text[_pos - 1] == 'E'))))
                    _pos++;
                string number = text[start.._pos].Replace("_", "");
                return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
                    ? new Number(v) : throw Error($"'{number}' is not a number");
            }
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_' || text[_pos] == '.')) _pos++;
            if (_pos == start) throw Error("expected a number, a config key or '('");
            string key = text[start.._pos];
            Keys.Add(key);
            return new Key(key);
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_pos != text.Length) throw Error($"unexpected '{text[_pos..]}'");
        }

        private Node Chain(Func<Node> next, string op)
        {
            var node = next();
            while (Accept(op)) node = new Binary(op, node, next());
            return node;
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0) return false;
            // '<' must not swallow the first half of '<='; the longer operators are tried first.
            _pos += token.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos])) _pos++;
        }

        private FormatException Error(string what) => new($"constraint '{text}' at column {_pos + 1}: {what}");
    }
}
