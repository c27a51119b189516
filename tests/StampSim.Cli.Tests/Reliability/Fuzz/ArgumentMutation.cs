using StampSim.Tests.Support;

namespace StampSim.Tests.Reliability.Fuzz;

/// <summary>
/// One seeded mutation of a valid command line: a value replaced by an empty, negative, huge, non-finite,
/// malformed, special-path or input-colliding one, an option repeated or dropped. Shared by every command's
/// argument fuzz, so each mutates its lines the same way.
/// </summary>
internal static class ArgumentMutation
{
    /// <summary>The odd values every command is fed.</summary>
    public static readonly string[] Odd =
    [
        "", " ", "-1", "0", "2147483648", "1e400", "NaN", "-inf", "3e38", "x", "64x", "0x0x0", "1/0", "3/2", "a=b", "=", "numerics.hi_tokens=",
        "numerics.hi_tokens=1e400", "numerics=", "\uD800", "é", "/dev/null", "/", ".", "..", "*", "[", "{", new string('9', 400),
    ];

    // Options that write.
    private static readonly HashSet<string> Outputs = ["--out", "--json", "--csv", "--metrics", "--x", "--weight", "--bias"];

    /// <summary>Mutates <paramref name="args"/> (never its first token, the command) and names the mutation.</summary>
    public static string Apply(Mutator m, List<string> args, TempDir dir, IReadOnlyList<string>? odd = null)
    {
        odd ??= Odd;
        int at = 1 + m.Next(args.Count - 1);
        switch (m.Next(5))
        {
            case 0:
            case 1:
                string value = Placed(args[at - 1], odd[m.Next(odd.Count)], dir);
                args[at] = value;
                return $"argument {at} = '{value}'";
            case 2:
                // An output pointed at another argument: an input, or another output.
                string other = args[1 + m.Next(args.Count - 1)];
                args[at] = other;
                return $"argument {at} = argument '{other}'";
            case 3:
                args.Insert(at, args[at]);
                return $"argument {at} repeated";
            default:
                string gone = args[at];
                args.RemoveAt(at);
                return $"argument {at} ('{gone}') dropped";
        }
    }

    /// <summary>
    /// Replaces the value of one of <paramref name="options"/> present in <paramref name="args"/> with one of
    /// <paramref name="values"/>: the mutation aimed at the options a command adds, which the general one
    /// reaches only now and then.
    /// </summary>
    public static string ReplaceValue(Mutator m, List<string> args, TempDir dir, IReadOnlyList<string> options, IReadOnlyList<string> values)
    {
        var present = Enumerable.Range(1, args.Count - 2).Where(i => options.Contains(args[i])).ToArray();
        int at = present[m.Next(present.Length)] + 1;
        args[at] = Placed(args[at - 1], values[m.Next(values.Count)], dir);
        return $"{args[at - 1]} = '{args[at]}'";
    }

    // A relative name after an output option is put in the case's folder, so that nothing is written into the test's working folder.
    private static string Placed(string option, string value, TempDir dir) =>
        Outputs.Contains(option) && !Path.IsPathRooted(value) && value is not ("." or "..") ? dir.File(value) : value;
}
