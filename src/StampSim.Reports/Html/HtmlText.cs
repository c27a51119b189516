using System.Net;

namespace StampSim.Reports.Html;

/// <summary>Escaping for text and attribute values placed in report.html.</summary>
public static class HtmlText
{
    /// <summary><paramref name="text"/> safe inside an element or a double-quoted attribute.</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
