namespace Platform.Extraction.Engine.Text;

/// <summary>Small word helpers shared by the stages.</summary>
internal static class Words
{
    /// <summary>Whitespace-separated words (the unit the guidelines count).</summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int n = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; n++; }
        }
        return n;
    }

    /// <summary>A \w character as the tokens see it: char.IsLetterOrDigit or '_'.</summary>
    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>char.ToLowerInvariant, ASCII inline.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static char Lower(char c) => c < 128 ? (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c : char.ToLowerInvariant(c);

    /// <summary>Lower-cased word tokens (letters and digits, as the scorer's \w+).</summary>
    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool word = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_');
            if (word && start < 0) start = i;
            else if (!word && start >= 0)
            {
                tokens.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }
        return tokens;
    }

    /// <summary>
    /// Case-insensitive 64-bit FNV-1a hashes of the word tokens (\w+), in order. Deterministic across processes
    /// (unlike string.GetHashCode), and free of per-token allocations.
    /// </summary>
    public static void TokenHashes(ReadOnlySpan<char> text, List<long> output, bool skipStopWords = false, int minLength = 1) =>
        TokenHashesAndCount(text, output, skipStopWords, minLength);

    /// <summary>
    /// <see cref="TokenHashes"/> and <see cref="Count"/> of the same text in one pass (the summary needs both per
    /// sentence): the hash is computed while the word is scanned, and the stop-word test reuses it.
    /// </summary>
    /// <returns>The number of whitespace-separated words, as <see cref="Count"/>.</returns>
    internal static int TokenHashesAndCount(ReadOnlySpan<char> text, List<long> output, bool skipStopWords, int minLength)
    {
        int n = 0;
        bool inWord = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (!IsWordChar(c))
            {
                if (char.IsWhiteSpace(c)) inWord = false;
                else if (!inWord) { inWord = true; n++; }
                i++;
                continue;
            }
            // Word characters are never white space: a token continues (or starts) a whitespace word.
            if (!inWord) { inWord = true; n++; }
            int s = i;
            ulong h = FnvOffset;
            bool ascii = true;
            do
            {
                c = text[i];
                ascii &= c < 128;
                h ^= Lower(c);
                h *= FnvPrime;
                i++;
            }
            while (i < text.Length && IsWordChar(text[i]));
            int length = i - s;
            if (length < minLength || skipStopWords && IsStopWord(text[s..i], (long)h, ascii)) continue;
            output.Add((long)h);
        }
        return n;
    }

    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    public static long Hash(ReadOnlySpan<char> word)
    {
        ulong h = FnvOffset;
        foreach (var c in word)
        {
            h ^= Lower(c);
            h *= FnvPrime;
        }
        return (long)h;
    }

    /// <summary>Order-sensitive hash of a token sequence (the text's words, case and punctuation ignored).</summary>
    public static long SequenceHash(ReadOnlySpan<char> text)
    {
        var tokens = new List<long>();
        TokenHashes(text, tokens);
        return SequenceHash(tokens);
    }

    /// <summary>Order-sensitive hash of token hashes.</summary>
    public static long SequenceHash(List<long> tokens)
    {
        ulong h = 14695981039346656037UL;
        foreach (var t in tokens)
        {
            h ^= (ulong)t;
            h *= 1099511628211UL;
            h = (h << 7) | (h >> 57);
        }
        return (long)h ^ tokens.Count;
    }

    public static bool EndsWithTerminal(string line)
    {
        var t = line.AsSpan().TrimEnd();
        while (t.Length > 0 && t[^1] is '"' or '\'' or '”' or '’' or ')' or ']' or '»') t = t[..^1];
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ':';
    }

    /// <summary>Stop-word test on a span, without allocating.</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word)
    {
        if (word.Length > StopWordTable.MaxLength) return false;
        bool ascii = System.Text.Ascii.IsValid(word);
        return IsStopWord(word, ascii ? Hash(word) : 0, ascii);
    }

    /// <summary>Stop-word test given the word's <see cref="Hash"/> (only read when <paramref name="ascii"/>).</summary>
    /// <remarks>
    /// Speed: an ASCII word equals an (ASCII) stop word ignoring case exactly when their lower-cased hashes match
    /// and the strings then compare equal, so a hash-keyed look-up replaces the case-insensitive string hashing.
    /// Other words go to the case-insensitive set, as before.
    /// </remarks>
    internal static bool IsStopWord(ReadOnlySpan<char> word, long hash, bool ascii)
    {
        // Case-insensitive ordinal equality never changes the length.
        if (word.Length > StopWordTable.MaxLength || word.Length == 0) return word.Length == 0 && StopWordTable.Lookup.Contains(word);
        if (!ascii) return StopWordTable.Lookup.Contains(word);
        // Most content words fail the one-bit filter (about 5% of the 4096 bits are set) before the dictionary.
        ulong bits = (ulong)hash >> 52;
        if ((StopWordTable.Filter[bits >> 6] & 1UL << (int)(bits & 63)) == 0) return false;
        return StopWordTable.ByHash.TryGetValue(hash, out var stop) && word.Equals(stop, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Stop-word test of an ASCII word of 1 to 16 characters given its <see cref="WordTable.PackAscii"/> key: the
    /// same verdict as <see cref="IsStopWord(ReadOnlySpan{char})"/>. Speed: the stop words are lower-case ASCII
    /// letters, so the key of a stop word is the stop word itself, and an open-addressing probe replaces the
    /// case-insensitive string comparison.
    /// </summary>
    internal static bool IsStopWordKey(ulong lo, ulong hi)
    {
        var keys = StopWordTable.Keys;
        int mask = keys.Length - 1;
        for (int slot = StopWordTable.Slot(lo, hi, mask); keys[slot].Lo != 0; slot = (slot + 1) & mask)
            if (keys[slot].Lo == lo && keys[slot].Hi == hi) return true;
        return false;
    }

    private static class StopWordTable
    {
        public static int Slot(ulong lo, ulong hi, int mask) => (int)(((lo ^ hi * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL) >> 40) & mask;

        private static (ulong Lo, ulong Hi)[] BuildKeys()
        {
            var keys = new (ulong Lo, ulong Hi)[1024];
            foreach (var w in Lookup.Set)
            {
                if (w.Length > 16 || !System.Text.Ascii.IsValid(w) || w.Any(c => !char.IsAsciiLetterLower(c)))
                    throw new InvalidOperationException($"Stop word '{w}' is not lower-case ASCII letters.");
                var (lo, hi) = WordTable.PackScalar(w);
                int slot = Slot(lo, hi, keys.Length - 1);
                while (keys[slot].Lo != 0) slot = (slot + 1) & (keys.Length - 1);
                keys[slot] = (lo, hi);
            }
            return keys;
        }

        // A frozen set is tuned for read-only lookups (buckets by length, cheaper hashing) and takes spans directly.
        public static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            System.Collections.Frozen.FrozenSet.ToFrozenSet(StopWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        public static readonly int MaxLength = Lookup.Set.Max(w => w.Length);

        // The stop words are ASCII; Add throws on a (never seen) hash collision between two of them.
        public static readonly Dictionary<long, string> ByHash = BuildByHash();

        // Bit (hash >> 52) is set for each stop word's hash.
        public static readonly ulong[] Filter = BuildFilter();

        // The packed keys of the stop words, in an open-addressing table a fifth full (declared after Lookup,
        // which it reads).
        public static readonly (ulong Lo, ulong Hi)[] Keys = BuildKeys();

        private static ulong[] BuildFilter()
        {
            var filter = new ulong[64];
            foreach (var hash in ByHash.Keys)
            {
                ulong bits = (ulong)hash >> 52;
                filter[bits >> 6] |= 1UL << (int)(bits & 63);
            }
            return filter;
        }

        private static Dictionary<long, string> BuildByHash()
        {
            var byHash = new Dictionary<long, string>(Lookup.Set.Count);
            foreach (var w in Lookup.Set)
            {
                if (!System.Text.Ascii.IsValid(w)) throw new InvalidOperationException($"Stop word '{w}' is not ASCII.");
                byHash.Add(Hash(w), w);
            }
            return byHash;
        }
    }

    /// <summary>Common English function words and reporting words (general knowledge).</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he",
        "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
        "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once",
        "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some",
        "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this",
        "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where",
        "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "said", "says", "say",
        "told", "noted", "added", "stressed", "according", "mr", "ms", "mrs", "may", "might", "must", "shall", "us",
        "yet", "well", "however", "many", "much", "made", "make", "like", "new", "one", "two", "three", "since", "within",
        "without", "among", "across", "including", "including", "per", "via", "upon", "whether", "though", "although",
        "friday", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday", "year", "years", "week", "day",
        "last", "first", "next", "recent", "hours", "later", "ago", "even", "still", "already", "several", "whose",
        "toward", "towards", "together", "yesterday", "today", "tomorrow", "ever", "never", "always", "based", "held",
    };
}
