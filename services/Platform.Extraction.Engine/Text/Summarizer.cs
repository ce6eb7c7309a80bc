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
        // Content-word hashes of all sentences in one flat list; sentence i owns [offsets[i], offsets[i + 1]).
        var tokens = new List<long>(body.Length / 8 + 8);
        var offsets = new int[sentences.Count + 1];
        // Speed: one pass per sentence gives both the content-word hashes and the whitespace word count.
        var wordCounts = new int[sentences.Count];
        for (int i = 0; i < sentences.Count; i++)
        {
            offsets[i] = tokens.Count;
            var (start, length) = sentences[i];
            wordCounts[i] = Words.TokenHashesAndCount(body.AsSpan(start, length), tokens, skipStopWords: true, minLength: 3);
        }
        offsets[sentences.Count] = tokens.Count;
        // Speed: tokens become dense ids of their distinct hashes, so the counts are an array, read without hashing.
        var ids = new Dictionary<long, int>(tokens.Count);
        var tokenIds = new int[tokens.Count];
        for (int k = 0; k < tokens.Count; k++)
        {
            ref int id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, tokens[k], out bool seen);
            if (!seen) id = ids.Count - 1;
            tokenIds[k] = id;
        }
        var frequency = new int[ids.Count];
        foreach (var id in tokenIds) frequency[id]++;

        var scored = new List<(int Index, double Score)>(sentences.Count);
        for (int i = 0; i < sentences.Count; i++)
        {
            int count = offsets[i + 1] - offsets[i];
            int words = wordCounts[i];
            if (count == 0 || words < 6 || words > 60) continue;
            double sum = 0;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) sum += frequency[tokenIds[k]];
            double score = sum / Math.Sqrt(count);
            score *= i == 0 ? 1.6 : i < 3 ? 1.2 : 1.0;
            scored.Add((i, score));
        }
        int take = sentences.Count <= 3 ? 1 : sentences.Count <= 8 ? 2 : max;
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        if (scored.Count > take) scored.RemoveRange(take, scored.Count - take);
        scored.Sort((a, b) => a.Index.CompareTo(b.Index));
        var summary = new List<string>(scored.Count);
        foreach (var (index, _) in scored) summary.Add(body.Substring(sentences[index].Start, sentences[index].Length));
        return summary;
    }
}
