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
    // its lower-cased letters, packed one per byte into a ulong, are in this small open-addressing table; a longer
    // word never is (case-insensitive ordinal equality keeps the length). Other words go to the case-insensitive
    // set, as before.
    private static readonly int MaxLength = Common.Max(w => w.Length);

    private const int TableBits = 7;

    private static readonly ulong[] Packed = BuildPacked();

    private static ulong[] BuildPacked()
    {
        var table = new ulong[1 << TableBits];
        foreach (var w in Common)
        {
            ulong key = Pack(w);
            int i = Slot(key);
            while (table[i] != 0 && table[i] != key) i = (i + 1) & (table.Length - 1);
            table[i] = key;
        }
        return table;
    }

    private static int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - TableBits));

    private static bool IsPackedCommon(ulong key)
    {
        var table = Packed;
        for (int i = Slot(key); table[i] != 0; i = (i + 1) & (table.Length - 1))
            if (table[i] == key) return true;
        return false;
    }

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
            if (!char.IsLetter(span[i])) { i++; continue; }
            int s = i;
            while (i < span.Length && char.IsLetter(span[i])) i++;
            total++;
            if (i - s > MaxLength) continue;
            var word = span[s..i];
            if (System.Text.Ascii.IsValid(word) ? IsPackedCommon(Pack(word)) : lookup.Contains(word)) english++;
        }
        if (total < 8) return "en";
        return english >= total * 0.12 ? "en" : "und";
    }
}
