using System.Security.Cryptography;

namespace StampSim.Tests.Support;

/// <summary>Every file and folder under a root (hidden ones included) with the SHA-256 of each file, to show that a command changed nothing.</summary>
internal static class TreeSnapshot
{
    public static SortedDictionary<string, string> Of(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            string rel = Path.GetRelativePath(root, entry);
            result[rel] = Directory.Exists(entry) ? "dir" : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(entry)));
        }
        return result;
    }

    /// <summary>Asserts that the tree under <paramref name="root"/> is exactly <paramref name="before"/>.</summary>
    public static void AssertUnchanged(SortedDictionary<string, string> before, string root, string context)
    {
        var after = Of(root);
        var added = after.Keys.Except(before.Keys).ToList();
        var removed = before.Keys.Except(after.Keys).ToList();
        var changed = before.Keys.Intersect(after.Keys).Where(k => before[k] != after[k]).ToList();
        Assert.True(added.Count + removed.Count + changed.Count == 0,
            $"{context}: added [{string.Join(", ", added)}], removed [{string.Join(", ", removed)}], changed [{string.Join(", ", changed)}]");
    }
}
