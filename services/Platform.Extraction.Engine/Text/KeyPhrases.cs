namespace Platform.Extraction.Engine.Text;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are runs of content words between stop words and punctuation;
/// a word scores degree/frequency, a phrase the sum of its words. Phrases of one to four words.
/// </summary>
internal static class KeyPhrases
{
    public static List<string> Extract(string title, string body, int max = 8)
    {
        var candidates = new List<List<string>>();
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(title, candidates, surface);
        Collect(body, candidates, surface);

        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var phrase in candidates)
        {
            foreach (var w in phrase)
            {
                frequency[w] = frequency.GetValueOrDefault(w) + 1;
                degree[w] = degree.GetValueOrDefault(w) + phrase.Count;
            }
        }

        var scores = new Dictionary<string, (double Score, int Count)>(StringComparer.Ordinal);
        foreach (var phrase in candidates)
        {
            if (phrase.Count > 4) continue;
            var key = string.Join(' ', phrase);
            double score = 0;
            foreach (var w in phrase) score += degree[w] / (double)frequency[w];
            var prev = scores.GetValueOrDefault(key);
            scores[key] = (score, prev.Count + 1);
        }
        // Phrases seen more than once are preferred; RAKE alone favours long one-off phrases.
        return scores
            .Where(kv => kv.Key.Length > 2)
            .OrderByDescending(kv => kv.Value.Score * Math.Min(kv.Value.Count, 3))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(kv => surface[kv.Key])
            .ToList();
    }

    private static void Collect(string text, List<List<string>> candidates, Dictionary<string, string> surface)
    {
        var phrase = new List<string>();
        var original = new List<string>();
        int i = 0;
        void End()
        {
            if (phrase.Count > 0)
            {
                var key = string.Join(' ', phrase);
                surface.TryAdd(key, string.Join(' ', original));
                candidates.Add([.. phrase]);
            }
            phrase.Clear();
            original.Clear();
        }
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
                var word = text[s..i];
                var lower = word.ToLowerInvariant();
                if (Words.StopWords.Contains(lower) || lower.All(char.IsDigit) || lower.EndsWith("'s", StringComparison.Ordinal) && Words.StopWords.Contains(lower[..^2]))
                    End();
                else
                {
                    phrase.Add(lower);
                    original.Add(word);
                }
                continue;
            }
            if (c is not (' ' or '-')) End();
            i++;
        }
        End();
    }
}
