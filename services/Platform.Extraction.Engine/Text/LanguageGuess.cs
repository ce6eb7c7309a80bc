namespace Platform.Extraction.Engine.Text;

/// <summary>English or not, by the share of the most frequent English function words.</summary>
internal static class LanguageGuess
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by", "it", "at", "from",
        "he", "be", "said", "are", "has", "have", "this", "an", "its", "not", "but", "will", "which", "were",
    };

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Common, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Speed: the common words are ASCII and at most MaxLength letters, so an ASCII word is one of them exactly when
    // its lower-cased letters, packed one per byte into a ulong, are in this set; a longer word never is
    // (case-insensitive ordinal equality keeps the length). Other words go to the case-insensitive set, as before.
    private static readonly int MaxLength = Common.Max(w => w.Length);

    private static readonly HashSet<ulong> Packed = Common.Select(w => Pack(w)).ToHashSet();

    private static ulong Pack(ReadOnlySpan<char> asciiWord)
    {
        ulong key = 0;
        foreach (var c in asciiWord) key = key << 8 | (byte)(c | 0x20);
        return key;
    }

    public static string Guess(string text)
    {
        int total = 0, english = 0;
        var lookup = CommonLookup;
        var span = text.AsSpan(0, Math.Min(text.Length, 2_000));
        int i = 0;
        while (i < span.Length)
        {
            if (!Words.IsLetter(span[i])) { i++; continue; }
            int s = i;
            bool ascii = true;
            while (i < span.Length && Words.IsLetter(span[i])) { ascii &= span[i] < 128; i++; }
            total++;
            int length = i - s;
            if (length > MaxLength) continue;
            if (ascii ? Packed.Contains(Pack(span[s..i])) : lookup.Contains(span[s..i])) english++;
        }
        if (total < 8) return "en";
        return english >= total * 0.12 ? "en" : "und";
    }
}
