namespace Platform.Extraction.Engine.Text;

/// <summary>English or not, by the share of the most frequent English function words.</summary>
internal static class LanguageGuess
{
    /// <summary>The common English words (compared ignoring case).</summary>
    internal static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by", "it", "at", "from",
        "he", "be", "said", "are", "has", "have", "this", "an", "its", "not", "but", "will", "which", "were",
    };

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonLookup =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(Common, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    // Speed: the common words are ASCII and at most MaxLength letters, so an ASCII word is one of them exactly when
    // its lower-cased letters, packed one per byte into a ulong (WordTable.PackAscii), are in this small table; a
    // longer word never is (case-insensitive ordinal equality keeps the length). The table is a perfect hash (one
    // probe, no branch on its contents), found once at start-up. Other words go to the case-insensitive set.
    private static readonly int MaxLength = Common.Max(w => w.Length);

    private const int TableBits = 8;

    private static readonly (ulong[] Keys, ulong Multiplier) Perfect = BuildPerfect();
    private static readonly ulong[] PerfectKeys = Perfect.Keys;
    private static readonly ulong PerfectMultiplier = Perfect.Multiplier;

    private static (ulong[] Keys, ulong Multiplier) BuildPerfect()
    {
        // Odd multipliers from a fixed sequence until one places every common word in its own slot.
        for (ulong m = 0x9E3779B97F4A7C15UL; ; m += 0x2545F4914F6CDD1EUL)
        {
            var table = new ulong[1 << TableBits];
            table.AsSpan().Fill(Empty);
            bool perfect = true;
            foreach (var w in Common)
            {
                ulong key = WordTable.PackScalar(w).Lo;
                ref ulong slot = ref table[Slot(key, m | 1)];
                if (slot != Empty) { perfect = false; break; }
                slot = key;
            }
            if (perfect) return (table, m | 1);
        }
    }

    // Neither is the key of a word (a packed key's bytes are below 0x80): the empty slots, and the key that stands
    // for a word too long to be common.
    private const ulong Empty = ulong.MaxValue, TooLong = ulong.MaxValue - 1;

    private static int Slot(ulong key, ulong multiplier) => (int)((key * multiplier) >> (64 - TableBits));

    /// <summary>Whether an ASCII word of at most 8 letters, given its packed key, is a common word.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static bool IsPackedCommon(ulong key) => PerfectKeys[Slot(key, PerfectMultiplier)] == key;

    public static string Guess(string text)
    {
        int total = 0, english = 0;
        var span = text.AsSpan(0, Math.Min(text.Length, 2_000));
        var scratch = CharClasses.Scratch.Get();
        var blocks = scratch.Classify(span);
        int n = blocks.Length;
        var letters = scratch.Mask(0, n);
        var nonAscii = scratch.Mask(1, n);
        // Speed: the number of words (letter runs) is a count of run starts in the masks, so the scan can stop as
        // soon as enough common words are seen: an English text reaches its share in its first lines.
        ulong previous = 0;
        for (int b = 0; b < n; b++)
        {
            ulong l = letters[b] = blocks[b].Letter;
            nonAscii[b] = blocks[b].NonAscii;
            total += System.Numerics.BitOperations.PopCount(l & ~(l << 1 | previous >> 63));
            previous = l;
        }
        if (total < 8) return "en";
        // The share of common words only grows as the scan goes on: once it is reached, it stays reached.
        double needed = total * 0.12;
        int pos = 0, nextNonAscii = -1;
        while (true)
        {
            int s = CharClasses.NextSet(letters, pos);
            if (s < 0) break;
            int e = CharClasses.NextClear(letters, s);
            pos = e;
            int length = e - s;
            if (nextNonAscii < s) nextNonAscii = CharClasses.NextSet(nonAscii, s) is var na && na >= 0 ? na : int.MaxValue;
            if (nextNonAscii >= e)
            {
                // A word longer than the longest common word gets a key in no slot: no branch on the length.
                ulong key = WordTable.PackAscii(text, s, Math.Min(length, 8)).Lo;
                english += IsPackedCommon(length <= MaxLength ? key : TooLong) ? 1 : 0;
            }
            else if (length <= MaxLength && CommonLookup.Contains(span[s..e]))
            {
                english++;
            }
            if (english >= needed) return "en";
        }
        return "und";
    }
}
