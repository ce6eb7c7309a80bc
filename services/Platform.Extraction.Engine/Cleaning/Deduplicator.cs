using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>
/// Drops a paragraph that repeats an earlier one verbatim or nearly so (token-set Jaccard or containment),
/// keeping the first. Exact repeats are found through a hash over the whole document; near repeats are
/// compared against a bounded window of earlier paragraphs so the cost stays linear. Token sets are arrays of
/// distinct word hashes, intersected through an open-addressing table.
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
        var table = new HashTable();
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
            var set = new TokenSet(table.Distinct(tokens));
            if (tokens.Count >= 8 && IsNearRepeat(set, kept, table))
            {
                yield return (text, -(line + 1));
                continue;
            }
            kept.Add(set);
            yield return (text, line);
        }
    }

    /// <summary>
    /// A reused open-addressing table of word hashes. Distinct elements and set intersections were found by sorting
    /// each paragraph's hashes and merging; inside the pipeline the sort's data-dependent comparisons cost more
    /// than the rest of the filter, while a probe into a table twice the set's size rarely meets another element.
    /// </summary>
    private sealed class HashTable
    {
        private long[] _slots = new long[64];
        private int _mask = 63;
        // 0 marks an empty slot, so the hash 0 (possible, if unlikely) is kept aside.
        private bool _hasZero;

        private void Reset(int count)
        {
            int size = 64;
            while (size < count * 2) size *= 2;
            if (_slots.Length < size) _slots = new long[size];
            else Array.Clear(_slots, 0, size);
            _mask = size - 1;
            _hasZero = false;
        }

        /// <summary>Adds <paramref name="h"/>; false when it was there already.</summary>
        private bool Add(long h)
        {
            if (h == 0)
            {
                if (_hasZero) return false;
                _hasZero = true;
                return true;
            }
            // The low bits of FNV-1a hashes are well mixed (as the signatures use them too).
            for (int i = (int)h & _mask; ; i = (i + 1) & _mask)
            {
                var slot = _slots[i];
                if (slot == h) return false;
                if (slot == 0)
                {
                    _slots[i] = h;
                    return true;
                }
            }
        }

        private bool Contains(long h)
        {
            if (h == 0) return _hasZero;
            for (int i = (int)h & _mask; ; i = (i + 1) & _mask)
            {
                var slot = _slots[i];
                if (slot == h) return true;
                if (slot == 0) return false;
            }
        }

        /// <summary>The distinct elements of <paramref name="tokens"/>, in the order of first occurrence.</summary>
        public long[] Distinct(List<long> tokens)
        {
            Reset(tokens.Count);
            var items = new long[tokens.Count];
            int n = 0;
            foreach (var h in tokens)
                if (Add(h)) items[n++] = h;
            return n == items.Length ? items : items[..n];
        }

        /// <summary>The number of elements common to two sets of distinct elements.</summary>
        public int Common(long[] a, long[] b)
        {
            Reset(b.Length);
            foreach (var h in b) Add(h);
            int common = 0;
            foreach (var h in a)
                if (Contains(h)) common++;
            return common;
        }
    }

    /// <summary>
    /// A set of word hashes with a 256-bit signature (one bit per hash). An element of one set whose bit is
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
            // The low bits of FNV-1a hashes are well mixed; bits 6-7 pick the word, 0-5 the bit. Indexed rather than
            // switched on: a four-way branch on hash bits is mispredicted for most elements.
            Span<ulong> signature = stackalloc ulong[4];
            foreach (var h in items)
                signature[(int)(h >> 6) & 3] |= 1UL << (int)(h & 63);
            _s0 = signature[0];
            _s1 = signature[1];
            _s2 = signature[2];
            _s3 = signature[3];
        }

        public int Length => Items.Length;

        /// <summary>At least this many elements of this set are not in <paramref name="other"/>.</summary>
        public int SurelyMissingFrom(in TokenSet other) =>
            System.Numerics.BitOperations.PopCount(_s0 & ~other._s0) + System.Numerics.BitOperations.PopCount(_s1 & ~other._s1)
            + System.Numerics.BitOperations.PopCount(_s2 & ~other._s2) + System.Numerics.BitOperations.PopCount(_s3 & ~other._s3);
    }

    private static bool IsNearRepeat(in TokenSet set, List<TokenSet> kept, HashTable table)
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
            if (IsRepeat(set.Length, other.Length, table.Common(set.Items, other.Items))) return true;
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
}
