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
        var kept = new List<TokenSet>();
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
            var set = new TokenSet(DistinctSorted(tokens));
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

    /// <summary>
    /// A sorted set of word hashes with a 256-bit signature (one bit per hash). An element of one set whose bit is
    /// missing from the other's signature cannot be common to both, so the signatures bound the intersection
    /// from above without merging: most pairs of paragraphs are ruled out by four AND-NOTs and popcounts.
    /// </summary>
    private readonly struct TokenSet
    {
        public readonly long[] Items;
        private readonly ulong _s0, _s1, _s2, _s3;

        public TokenSet(long[] items)
        {
            Items = items;
            foreach (var h in items)
            {
                // The low bits of FNV-1a hashes are well mixed; bits 6-7 pick the word, 0-5 the bit.
                ulong bit = 1UL << (int)(h & 63);
                switch ((h >> 6) & 3)
                {
                    case 0: _s0 |= bit; break;
                    case 1: _s1 |= bit; break;
                    case 2: _s2 |= bit; break;
                    default: _s3 |= bit; break;
                }
            }
        }

        public int Length => Items.Length;

        /// <summary>At least this many elements of this set are not in <paramref name="other"/>.</summary>
        public int SurelyMissingFrom(in TokenSet other) =>
            System.Numerics.BitOperations.PopCount(_s0 & ~other._s0) + System.Numerics.BitOperations.PopCount(_s1 & ~other._s1)
            + System.Numerics.BitOperations.PopCount(_s2 & ~other._s2) + System.Numerics.BitOperations.PopCount(_s3 & ~other._s3);
    }

    private static bool IsNearRepeat(in TokenSet set, List<TokenSet> kept)
    {
        for (int i = kept.Count - 1; i >= Math.Max(0, kept.Count - Window); i--)
        {
            var other = kept[i];
            if (other.Length < 6) continue;
            // Sizes alone rule most pairs out: Jaccard >= 0.8 needs a size ratio >= 0.8, containment one >= 0.5.
            int smaller = Math.Min(set.Length, other.Length), larger = Math.Max(set.Length, other.Length);
            if (smaller < larger * 0.5 || set.Length > other.Length && smaller < larger * JaccardThreshold) continue;
            // Both tests grow with the common count: if its upper bound fails them, the exact count does too.
            int bound = Math.Min(set.Length - set.SurelyMissingFrom(other), other.Length - other.SurelyMissingFrom(set));
            if (!IsRepeat(set.Length, other.Length, bound)) continue;
            if (IsRepeat(set.Length, other.Length, Common(set.Items, other.Items))) return true;
        }
        return false;
    }

    private static bool IsRepeat(int length, int otherLength, int common)
    {
        double jaccard = common / (double)(length + otherLength - common);
        if (jaccard >= JaccardThreshold) return true;
        // The later paragraph is (almost) contained in an earlier, longer one.
        return length <= otherLength && length >= 10 && common / (double)length >= ContainmentThreshold;
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
