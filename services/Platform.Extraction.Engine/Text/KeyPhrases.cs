namespace Platform.Extraction.Engine.Text;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are runs of content words between stop words and punctuation;
/// a word scores degree/frequency, a phrase the sum of its words. Phrases of one to four words; phrases seen more
/// than once are preferred, since RAKE alone favours long one-off phrases.
/// </summary>
internal static class KeyPhrases
{
    private readonly record struct Candidate(string Key, string Surface, int Start, int Count);

    public static List<string> Extract(string title, string body, int max = 8)
    {
        var words = new List<string>();
        var candidates = new List<Candidate>();
        Collect(title, words, candidates);
        Collect(body, words, candidates);

        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            for (int i = c.Start; i < c.Start + c.Count; i++)
            {
                var w = words[i];
                frequency[w] = frequency.GetValueOrDefault(w) + 1;
                degree[w] = degree.GetValueOrDefault(w) + c.Count;
            }
        }

        var scores = new Dictionary<string, (double Score, int Seen, string Surface, int First)>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (c.Count > 4 || c.Key.Length <= 2) continue;
            if (scores.TryGetValue(c.Key, out var known))
            {
                scores[c.Key] = known with { Seen = known.Seen + 1 };
                continue;
            }
            double score = 0;
            for (int i = c.Start; i < c.Start + c.Count; i++) score += degree[words[i]] / (double)frequency[words[i]];
            scores[c.Key] = (score, 1, c.Surface, scores.Count);
        }
        var ranked = new List<(double Rank, int First, string Surface)>(scores.Count);
        foreach (var (key, v) in scores) ranked.Add((v.Score * Math.Min(v.Seen, 3) * (key.Count(c => c == ' ') >= 3 ? 0.6 : 1.0), v.First, v.Surface));
        ranked.Sort((a, b) => a.Rank != b.Rank ? b.Rank.CompareTo(a.Rank) : a.First.CompareTo(b.First));
        var result = new List<string>(max);
        foreach (var r in ranked)
        {
            if (result.Count == max) break;
            result.Add(r.Surface);
        }
        return result;
    }

    private static void Collect(string text, List<string> words, List<Candidate> candidates)
    {
        int phraseStart = -1, phraseWords = 0, firstWord = 0;
        int i = 0;
        void End(int endChar)
        {
            if (phraseWords > 0)
            {
                var surface = text[phraseStart..endChar];
                candidates.Add(new Candidate(string.Join(' ', words.GetRange(firstWord, phraseWords)), surface, firstWord, phraseWords));
            }
            phraseStart = -1;
            phraseWords = 0;
        }
        int lastWordEnd = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
                var word = text.AsSpan(s, i - s);
                var bare = word.EndsWith("'s") || word.EndsWith("’s") ? word[..^2] : word;
                // Lower-case past forms ("held", "refused") are verbs far more often than parts of a noun phrase.
                bool verb = word.Length > 4 && char.IsLower(word[0]) && word.EndsWith("ed");
                if (verb || Words.IsStopWord(word) || Words.IsStopWord(bare) || IsNumber(word))
                {
                    End(lastWordEnd);
                }
                else
                {
                    if (phraseWords == 0)
                    {
                        phraseStart = s;
                        firstWord = words.Count;
                    }
                    words.Add(word.ToString().ToLowerInvariant());
                    phraseWords++;
                }
                lastWordEnd = i;
                continue;
            }
            if (c is not (' ' or '-')) End(lastWordEnd);
            i++;
        }
        End(lastWordEnd);
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!char.IsDigit(c)) return false;
        return true;
    }
}
