using System.Text.Json;

namespace StampSim.Numerics;

/// <summary>
/// Config spellings of enum members: the member name in snake_case (<c>Haar2d</c> → <c>haar2d</c>,
/// <c>TwoPass</c> → <c>two_pass</c>). Members are named so that this gives the documented spelling.
/// </summary>
public static class ConfigNames
{
    /// <summary>The config spelling of <paramref name="value"/>.</summary>
    public static string Of<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>All spellings of <typeparamref name="T"/>.</summary>
    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Of).ToArray();

    /// <summary>Parses a config spelling.</summary>
    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
        {
            if (Of(v) == text)
            {
                value = v;
                return true;
            }
        }
        value = default;
        return false;
    }
}
