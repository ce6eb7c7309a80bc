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
            if (lookup.Contains(span[s..i])) english++;
        }
        if (total < 8) return "en";
        return english >= total * 0.12 ? "en" : "und";
    }
}
