namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Rule-based sentence boundaries: a terminal mark (optionally followed by closing quotes or brackets), then
/// whitespace and an upper-case letter, digit or opening quote, unless the word before the mark is an
/// abbreviation or an initial. One pass over the text.
/// </summary>
internal static class SentenceSplitter
{
    // Common English abbreviations that end with a full stop inside a sentence (general knowledge).
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "st", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "maj", "adm",
        "jr", "sr", "inc", "co", "corp", "ltd", "no", "nos", "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "u.s.a",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "rev", "hon", "gov't",
        "dept", "est", "fig", "approx", "mt", "ft", "pp", "vol", "a.m", "p.m", "ph.d", "rt", "messrs", "mme", "sgt",
    };

    private static readonly System.Buffers.SearchValues<char> Terminals = System.Buffers.SearchValues.Create(".!?…");

    /// <summary>Sentence spans of <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
    public static void Split(string text, int start, int end, List<(int Start, int Length)> output)
    {
        int s = start;
        while (s < end && char.IsWhiteSpace(text[s])) s++;
        for (int i = s; i < end; i++)
        {
            // Speed: jump to the next terminal mark with a vectorised search instead of testing every character.
            int mark = text.AsSpan(i, end - i).IndexOfAny(Terminals);
            if (mark < 0) break;
            i += mark;
            char c = text[i];
            int j = i + 1;
            while (j < end && text[j] is '"' or '\'' or '”' or '’' or ')' or ']' or '.' or '!' or '?') j++;
            if (j >= end) break;
            if (!char.IsWhiteSpace(text[j])) continue;
            int k = j;
            while (k < end && char.IsWhiteSpace(text[k])) k++;
            if (k >= end) break;
            char next = text[k];
            if (!(char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '\'' or '‘' or '(')) continue;
            if (c == '.' && IsAbbreviation(text, s, i)) continue;
            output.Add((s, j - s));
            s = k;
            i = k - 1;
        }
        int e = end;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        if (e > s) output.Add((s, e - s));
    }

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        int w = dot;
        while (w > sentenceStart && !char.IsWhiteSpace(text[w - 1]) && text[w - 1] is not ('(' or '"' or '“')) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 0) return false;
        // An initial ("John F. Kennedy") or a dotted acronym ("U.S.").
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        if (word.Length <= 6 && word.Contains('.')) return Abbreviations.Contains(word.ToString()) || char.IsUpper(word[0]) && word.Length <= 4;
        return word.Length <= 5 && Abbreviations.Contains(word.ToString());
    }
}
