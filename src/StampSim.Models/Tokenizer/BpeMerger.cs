namespace StampSim.Models.Tokenizer;

/// <summary>
/// llama2.c's BPE merge loop — repeatedly merge the adjacent pair whose merged token has the
/// highest score, the leftmost pair among equal scores, until no pair merges — in O(n log n):
/// symbols form a linked list and candidate pairs sit in a priority queue ordered by (score
/// descending, left position ascending), stale entries being dropped when popped. Picking the same
/// pair at every step as the quadratic scan does, it produces identical tokens, also on long texts.
/// </summary>
internal static class BpeMerger
{
    /// <summary>llama2.c's initial best score: merges scoring at or below it never happen.</summary>
    private const float Floor = -1e10f;

    /// <summary>Merges <paramref name="tokens"/>; <paramref name="lookup"/> gives the merged id of a pair, or -1.</summary>
    public static List<int> Merge(IReadOnlyList<int> tokens, Func<int, int, int> lookup, IReadOnlyList<float> scores)
    {
        int n = tokens.Count;
        var id = tokens.ToArray();
        var next = new int[n];
        var prev = new int[n];
        var version = new int[n];
        var alive = new bool[n];
        for (int i = 0; i < n; i++)
        {
            next[i] = i + 1 < n ? i + 1 : -1;
            prev[i] = i - 1;
            alive[i] = true;
        }
        var queue = new PriorityQueue<Candidate, (float Score, int Left)>(
            Comparer<(float Score, int Left)>.Create((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Left.CompareTo(b.Left)));

        void Offer(int left)
        {
            if (left < 0 || next[left] < 0) return;
            int right = next[left];
            int merged = lookup(id[left], id[right]);
            if (merged >= 0 && scores[merged] > Floor)
                queue.Enqueue(new Candidate(left, right, version[left], version[right], merged), (scores[merged], left));
        }

        for (int i = 0; i < n - 1; i++) Offer(i);
        while (queue.TryDequeue(out var c, out _))
        {
            if (!alive[c.Left] || !alive[c.Right] || next[c.Left] != c.Right || version[c.Left] != c.LeftVersion || version[c.Right] != c.RightVersion)
                continue;
            id[c.Left] = c.Merged;
            version[c.Left]++;
            alive[c.Right] = false;
            next[c.Left] = next[c.Right];
            if (next[c.Right] >= 0) prev[next[c.Right]] = c.Left;
            Offer(prev[c.Left]);
            Offer(c.Left);
        }

        var result = new List<int>(n);
        for (int i = n > 0 ? 0 : -1; i >= 0; i = next[i]) result.Add(id[i]);
        return result;
    }

    private readonly record struct Candidate(int Left, int Right, int LeftVersion, int RightVersion, int Merged);
}
