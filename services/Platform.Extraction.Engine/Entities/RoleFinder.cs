namespace Platform.Extraction.Engine.Entities;

/// <summary>
/// Roles of people as the text gives them: pre-modifiers ("Foreign Ministry spokesperson Elena Varga",
/// "US President Donald Trump") and appositions ("Elena Varga, the spokesperson," / "the foreign minister, Tomas Novak,").
/// </summary>
internal static class RoleFinder
{
    private const int MaxRoleTokens = 20;

    /// <summary>Function words that end a role phrase when walking left ("with his counterpart").</summary>
    private static readonly HashSet<string> RoleStopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "with", "to", "by", "from", "in", "on", "at",
        "for", "as", "is", "was", "are", "were", "be", "said", "says", "that", "which", "who", "when", "while", "after",
        "before", "told", "and", "or", "but", "than", "then", "also", "not", "has", "had", "have", "will", "would", "of",
        "about", "into", "over", "under", "between", "against", "during", "without", "this", "these", "those", "both",
    };

    /// <summary>Words that make the text after a comma a clause rather than an apposition.</summary>
    private static readonly HashSet<string> ClauseWords = new(StringComparer.Ordinal)
    {
        "who", "which", "that", "is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says",
        "told", "can", "could", "did", "does", "do", "be", "been", "but", "while", "when", "where", "if", "because",
        "he", "she", "they", "it", "we", "i", "you", "said,",
    };

    public static void AssignRoles(AnalysedText at)
    {
        var personTokens = new HashSet<int>();
        foreach (var m in at.Mentions)
        {
            if (m.Kind == EntityKind.Person || m.Deferred)
            {
                for (int k = m.FirstToken; k <= m.LastToken; k++)
                {
                    personTokens.Add(k);
                }
            }
        }
        foreach (var m in at.Mentions)
        {
            if (m.Kind != EntityKind.Person && !(m.Deferred && m.Kind == EntityKind.None))
            {
                continue;
            }
            var pre = PreModifier(at, m.FirstToken - 1, personTokens, stopAtComma: true);
            if (pre != null && !Lexicon.Honorifics.Contains(pre))
            {
                m.Roles.Add(pre);
            }
            var after = Apposition(at, m.LastToken + 1);
            if (after != null)
            {
                m.Roles.Add(after);
            }
            // "the Chinese Foreign Minister, Tomas Novak," / "spokesperson, Chen Wei,"
            int b = m.FirstToken - 1;
            if (b >= 1 && at.Text[at.Tokens[b].Start] == ',')
            {
                var before = PreModifier(at, b - 1, personTokens, stopAtComma: true);
                if (before != null)
                {
                    m.Roles.Add(before);
                }
            }
        }
    }

    private static string W(AnalysedText at, int k) => at.Text.Substring(at.Tokens[k].Start, at.Tokens[k].CoreEnd - at.Tokens[k].Start);

    private static bool IsRoleWord(string w) => Lexicon.RoleNouns.Contains(w) || Lexicon.TitleWords.Contains(w);

    // Span lookups for the walk to the left of every person mention (no string per word looked at).
    private static ReadOnlySpan<char> Span(AnalysedText at, int k) => at.Text.AsSpan(at.Tokens[k].Start, at.Tokens[k].CoreEnd - at.Tokens[k].Start);

    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleNounsBySpan =
        Lexicon.RoleNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleWordsBySpan =
        Lexicon.TitleWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonCapitalisedBySpan =
        Lexicon.CommonCapitalised.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> RoleStopWordsBySpan =
        RoleStopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsRoleWord(ReadOnlySpan<char> w) => RoleNounsBySpan.Contains(w) || TitleWordsBySpan.Contains(w);

    /// <summary>Walks left from <paramref name="k"/> over capitalised words, role nouns and "and"/"of"/"the" inside the chain.</summary>
    private static string? PreModifier(AnalysedText at, int k, HashSet<int> personTokens, bool stopAtComma)
    {
        int end = k;
        int start = -1;
        bool hasRole = false;
        bool onlyLower = true; // lower-case modifiers only directly before a lower-case role noun
        int steps = 0;
        while (k >= 0 && steps < MaxRoleTokens)
        {
            var tok = at.Tokens[k];
            if (!tok.IsWord || personTokens.Contains(k))
            {
                break;
            }
            var w = Span(at, k);
            bool lower = char.IsLower(w[0]);
            if (lower)
            {
                if (RoleNounsBySpan.Contains(w))
                {
                    hasRole = true;
                }
                else if (hasRole && onlyLower && start >= 0 && !RoleStopWordsBySpan.Contains(w) && !w.EndsWith("ed", StringComparison.Ordinal)
                    && !w.EndsWith("ing", StringComparison.Ordinal) && !w.EndsWith("ly", StringComparison.Ordinal))
                {
                    // a noun modifier of the role: "foreign policy chief", "infrastructure minister"
                }
                else if (w is "and" or "of" && start >= 0 && k > 0 && at.Tokens[k - 1].IsWord)
                {
                    // inside a chain: "State Councilor and Foreign Minister", "Secretary of State"
                }
                else if (w is "the" && start >= 0 && k > 0 && at.Tokens[k - 1].IsWord && Span(at, k - 1) is "of")
                {
                }
                else
                {
                    break;
                }
            }
            else
            {
                onlyLower = false;
                if (tok.Is(TokenFlags.SentenceStart) && CommonCapitalisedBySpan.Contains(w))
                {
                    break;
                }
                if (IsRoleWord(w))
                {
                    hasRole = true;
                }
            }
            start = k;
            k--;
            steps++;
            if (tok.Is(TokenFlags.SentenceStart))
            {
                break;
            }
        }
        if (start < 0 || !hasRole)
        {
            return null;
        }
        // trim dangling connectors at the left
        while (start <= end && at.Tokens[start].IsWord && Span(at, start) is "and" or "of" or "the")
        {
            start++;
        }
        if (start > end)
        {
            return null;
        }
        return Clean(at.Text.Substring(at.Tokens[start].Start, at.Tokens[end].CoreEnd - at.Tokens[start].Start));
    }

    /// <summary>", the spokesperson," / ", State Councilor and Foreign Minister," after a name.</summary>
    private static string? Apposition(AnalysedText at, int k)
    {
        if (k >= at.Tokens.Count || at.Text[at.Tokens[k].Start] != ',')
        {
            return null;
        }
        int start = k + 1;
        int j = start;
        bool hasRole = false;
        while (j < at.Tokens.Count && j - start < MaxRoleTokens)
        {
            var tok = at.Tokens[j];
            if (!tok.IsWord)
            {
                break;
            }
            var w = W(at, j);
            if (Lexicon.ReportingVerbs.Contains(w))
            {
                return null;
            }
            if (IsRoleWord(w))
            {
                hasRole = true;
            }
            else if (ClauseWords.Contains(w) || w.EndsWith("ed", StringComparison.Ordinal) && !hasRole && j == start)
            {
                return null; // a clause ("who said", "which was"), not an apposition
            }
            j++;
        }
        if (!hasRole || j == start || (j < at.Tokens.Count && at.Tokens[j].IsWord))
        {
            return null;
        }
        var s = at.Text.Substring(at.Tokens[start].Start, at.Tokens[j - 1].CoreEnd - at.Tokens[start].Start);
        return Clean(s);
    }

    private static readonly string[] Leads = ["the ", "a ", "an ", "The ", "A ", "An "];

    private static string Clean(string s)
    {
        if (!IsSingleSpaced(s))
        {
            s = string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        }
        foreach (var lead in Leads)
        {
            if (s.StartsWith(lead, StringComparison.Ordinal))
            {
                s = s[lead.Length..];
            }
        }
        return s;
    }

    /// <summary>No whitespace but single spaces between words: splitting and joining would return the same text.</summary>
    private static bool IsSingleSpaced(string s)
    {
        if (s.Length == 0 || s[0] == ' ' || s[^1] == ' ')
        {
            return false;
        }
        bool prevSpace = false;
        foreach (var ch in s)
        {
            if (ch == ' ')
            {
                if (prevSpace)
                {
                    return false;
                }
                prevSpace = true;
                continue;
            }
            if (char.IsWhiteSpace(ch))
            {
                return false;
            }
            prevSpace = false;
        }
        return true;
    }
}
