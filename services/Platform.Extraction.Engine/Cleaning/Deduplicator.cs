using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// Drops a paragraph that repeats an earlier one verbatim or nearly so (token-set Jaccard or containment),
/// keeping the first. Exact repeats are found through a hash over the whole document; near repeats are
/// compared against a bounded window of earlier paragraphs so the cost stays linear. Token sets are sorted
/// arrays of word hashes, intersected by merging.
/// </summary>
internal static class Deduplicator
{
    private const int Window = 64;
    private const double JaccardThreshold = 0.8;
    private const double ContainmentThreshold = 0.9;

    /// <summary>Yields kept paragraphs with their line index, and dropped ones with line index encoded as -(line+1).</summary>
    public static IEnumerable<(string Text, int Line)> Filter(List<(string Text, int Line)> paragraphs)
    {
        var exact = new HashSet<long>();
        var kept = new List<long[]>();
        var tokens = new List<long>();
        foreach (var (text, line) in paragraphs)
        {
            tokens.Clear();
            Words.TokenHashes(text, tokens);
            // Very short lines ("Q:", "Yes.") legitimately repeat.
            if (tokens.Count >= 4 && !exact.Add(Words.SequenceHash(tokens)))
            {
                yield return (text, -(line + 1));
                continue;
            }
            var set = DistinctSorted(tokens);
            if (tokens.Count >= 8 && IsNearRepeat(set, kept))
            {
                yield return (text, -(line + 1));
                continue;
            }
            kept.Add(set);
            yield return (text, line);
        }
    }

    private static long[] DistinctSorted(List<long> tokens)
    {
        var array = tokens.ToArray();
        Array.Sort(array);
        int n = 0;
        for (int i = 0; i < array.Length; i++)
            if (n == 0 || array[i] != array[n - 1]) array[n++] = array[i];
        return n == array.Length ? array : array[..n];
    }

    private static bool IsNearRepeat(long[] set, List<long[]> kept)
    {
        for (int i = kept.Count - 1; i >= Math.Max(0, kept.Count - Window); i--)
        {
            var other = kept[i];
            if (other.Length < 6) continue;
            // Sizes alone rule most pairs out: Jaccard >= 0.8 needs a size ratio >= 0.8, containment one >= 0.5.
            int smaller = Math.Min(set.Length, other.Length), larger = Math.Max(set.Length, other.Length);
            if (smaller < larger * 0.5 || set.Length > other.Length && smaller < larger * JaccardThreshold) continue;
            int common = Common(set, other);
            double jaccard = common / (double)(set.Length + other.Length - common);
            if (jaccard >= JaccardThreshold) return true;
            // The later paragraph is (almost) contained in an earlier, longer one.
            if (set.Length <= other.Length && set.Length >= 10 && common / (double)set.Length >= ContainmentThreshold) return true;
        }
        return false;
    }

    private static int Common(long[] a, long[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return common;
    }
}
