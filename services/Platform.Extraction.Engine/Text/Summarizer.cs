namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Extractive summary: sentences scored by the frequency of their content words (Luhn-style) with a lead bonus,
/// since news puts the gist first; up to three sentences in document order.
/// </summary>
internal static class Summarizer
{
    public static List<string> Summarize(string body, IReadOnlyList<(int Start, int Length)> sentences, int max = 3)
    {
        if (sentences.Count == 0) return [];
        // News puts the gist first; the opening sentences are enough, and the cost stays bounded on huge inputs.
        if (sentences.Count > 60) sentences = sentences.Take(60).ToList();
        var frequency = new Dictionary<long, int>();
        var tokenized = new List<List<long>>(sentences.Count);
        foreach (var (start, length) in sentences)
        {
            var tokens = new List<long>();
            Words.TokenHashes(body.AsSpan(start, length), tokens, skipStopWords: true, minLength: 3);
            tokenized.Add(tokens);
            foreach (var t in tokens) frequency[t] = frequency.GetValueOrDefault(t) + 1;
        }
        var scored = new List<(int Index, double Score)>();
        for (int i = 0; i < sentences.Count; i++)
        {
            var tokens = tokenized[i];
            int words = Words.Count(body.AsSpan(sentences[i].Start, sentences[i].Length));
            if (tokens.Count == 0 || words < 6 || words > 60) continue;
            double sum = 0;
            foreach (var t in tokens) sum += frequency[t];
            double score = sum / Math.Sqrt(tokens.Count);
            score *= i == 0 ? 1.6 : i < 3 ? 1.2 : 1.0;
            scored.Add((i, score));
        }
        int take = sentences.Count <= 3 ? 1 : sentences.Count <= 8 ? 2 : max;
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(take)
            .OrderBy(s => s.Index)
            .Select(s => body.Substring(sentences[s.Index].Start, sentences[s.Index].Length))
            .ToList();
    }
}
