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
    public static void TokenHashes(ReadOnlySpan<char> text, List<long> output, bool skipStopWords = false, int minLength = 1)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!(char.IsLetterOrDigit(text[i]) || text[i] == '_')) { i++; continue; }
            int s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_')) i++;
            var word = text[s..i];
            if (word.Length < minLength || skipStopWords && IsStopWord(word)) continue;
            output.Add(Hash(word));
        }
    }

    public static long Hash(ReadOnlySpan<char> word)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in word)
        {
            h ^= char.ToLowerInvariant(c);
            h *= 1099511628211UL;
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
    public static bool IsStopWord(ReadOnlySpan<char> word) => StopWordLookup.Contains(word);

    // A frozen set is tuned for read-only lookups (buckets by length, cheaper hashing) and takes spans directly.
    private static System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup => StopWordTable.Lookup;

    private static class StopWordTable
    {
        public static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            System.Collections.Frozen.FrozenSet.ToFrozenSet(StopWords, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
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
