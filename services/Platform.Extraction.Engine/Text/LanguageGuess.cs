namespace Platform.Extraction.Engine.Text;

/// <summary>English or not, by the share of the most frequent English function words.</summary>
internal static class LanguageGuess
{
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "was", "as", "by", "it", "at", "from",
        "he", "be", "said", "are", "has", "have", "this", "an", "its", "not", "but", "will", "which", "were",
    };

    public static string Guess(string text)
    {
        int total = 0, english = 0;
        foreach (var t in Words.Tokens(text.Length > 20_000 ? text[..20_000] : text))
        {
            if (!t.Any(char.IsLetter)) continue;
            total++;
            if (Common.Contains(t)) english++;
        }
        if (total < 8) return "en";
        return english >= total * 0.12 ? "en" : "und";
    }
}
