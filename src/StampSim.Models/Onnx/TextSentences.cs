using System.Text.RegularExpressions;

namespace StampSim.Models.Onnx;

/// <summary>
/// Sentences of a plain or WikiText-style text: paragraphs are its non-empty lines, WikiText headings
/// (<c>= Title =</c>) are skipped, and a paragraph splits after <c>.</c>, <c>!</c> or <c>?</c> followed by
/// a space and a capital letter or a quote. Sentences of fewer than <see cref="MinWords"/> words are dropped.
/// </summary>
public static partial class TextSentences
{
    /// <summary>Shortest sentence kept, in words (shorter ones are mostly fragments of the split).</summary>
    public const int MinWords = 4;

    /// <summary>The first <paramref name="count"/> sentences of <paramref name="text"/> (fewer when it has fewer).</summary>
    public static IReadOnlyList<string> First(string text, int count) =>
        text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !Heading().IsMatch(l))
            .SelectMany(l => Boundary().Split(l))
            .Select(s => s.Trim())
            .Where(s => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= MinWords)
            .Take(count)
            .ToArray();

    [GeneratedRegex(@"^=.*=$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z""'])")]
    private static partial Regex Boundary();
}
