using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// Drops a paragraph that repeats an earlier one verbatim or nearly so (token-set Jaccard or containment),
/// keeping the first. Exact repeats are found through a hash over the whole document; near repeats are
/// compared against a bounded window of earlier paragraphs so the cost stays linear.
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
        var kept = new List<HashSet<long>>();
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
            var set = new HashSet<long>(tokens);
            if (tokens.Count >= 8 && IsNearRepeat(set, kept))
            {
                yield return (text, -(line + 1));
                continue;
            }
            kept.Add(set);
            yield return (text, line);
        }
    }

    private static bool IsNearRepeat(HashSet<long> set, List<HashSet<long>> kept)
    {
        for (int i = kept.Count - 1; i >= Math.Max(0, kept.Count - Window); i--)
        {
            var other = kept[i];
            if (other.Count < 6) continue;
            // Sizes alone rule most pairs out: Jaccard >= 0.8 needs a size ratio >= 0.8, containment one >= 0.5.
            int smaller = Math.Min(set.Count, other.Count), larger = Math.Max(set.Count, other.Count);
            if (smaller < larger * 0.5 || set.Count > other.Count && smaller < larger * JaccardThreshold) continue;
            int common = 0;
            var (small, large) = set.Count <= other.Count ? (set, other) : (other, set);
            foreach (var t in small) if (large.Contains(t)) common++;
            double jaccard = common / (double)(set.Count + other.Count - common);
            if (jaccard >= JaccardThreshold) return true;
            // The later paragraph is (almost) contained in an earlier, longer one.
            if (set.Count <= other.Count && set.Count >= 10 && common / (double)set.Count >= ContainmentThreshold
                && set.Count >= other.Count / 2) return true;
        }
        return false;
    }
}
