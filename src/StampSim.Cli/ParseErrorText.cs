using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace StampSim.Cli;

/// <summary>
/// A command-line parse error in the words of the rest of StampSim: the option first, what it takes, and
/// "out of range" for a number too large for it, instead of System.CommandLine's .NET type names.
/// </summary>
internal static partial class ParseErrorText
{
    /// <summary>The message for a parse error; other errors pass unchanged.</summary>
    public static string Of(string message)
    {
        var m = TypeError().Match(message);
        if (!m.Success) return message;
        string value = m.Groups["value"].Value, option = m.Groups["option"].Value, type = m.Groups["type"].Value;
        (string what, BigInteger? max) = type switch
        {
            "Int32" => ("an integer", int.MaxValue),
            "Int64" => ("an integer", long.MaxValue),
            "Double" or "Single" => ("a number", (BigInteger?)null),
            "Boolean" => ("true or false", null),
            _ => ("a value of its kind", null),
        };
        bool integer = BigInteger.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var big);
        return integer && max is { } limit && BigInteger.Abs(big) > limit
            ? $"{option}: {value} is out of range (at most {limit})"
            : $"{option}: expected {what}, got '{value}'";
    }

    // An optional option's type is written as System.Nullable`1[System.Int32].
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '(?:System\.Nullable`1\[)?(?:System\.)?(?<type>\w+)\]?'\.?$")]
    private static partial Regex TypeError();
}
