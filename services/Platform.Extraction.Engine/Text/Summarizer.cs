namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Extractive summary: sentences scored by the frequency of their content words (Luhn-style) with a lead bonus,
/// since news puts the gist first; up to three sentences in document order.
/// </summary>
internal static class Summarizer
{
    private const byte Content = 0, StopWord = 1;

    public static List<string> Summarize(string body, IReadOnlyList<(int Start, int Length)> sentences, int max = 3)
    {
        if (sentences.Count == 0) return [];
        // News puts the gist first; the opening sentences are enough, and the cost stays bounded on huge inputs.
        if (sentences.Count > 60) sentences = sentences.Take(60).ToList();
        int end = 0;
        foreach (var (start, length) in sentences) end = Math.Max(end, start + length);
        // Speed: the character classes of the text as bit masks (see CharClasses); tokens and whitespace-separated
        // words are found from them a word at a time instead of testing every character.
        int n = CharClasses.BlockCount(end);
        var scratch = CharClasses.Scratch.Get();
        var blocks = scratch.Blocks(n);
        CharClasses.Classify(body.AsSpan(0, end), blocks);
        // tokenBits: \w (letter, digit, '_'); startBits: a non-white character after a white one (or the text start).
        var tokenBits = scratch.Mask(0, n);
        var startBits = scratch.Mask(1, n);
        var nonWhiteBits = scratch.Mask(2, n);
        var nonAsciiBits = scratch.Mask(3, n);
        ulong previousNonWhite = 0;
        for (int b = 0; b < n; b++)
        {
            ref var k = ref blocks[b];
            tokenBits[b] = k.Letter | k.Digit | k.Underscore;
            int valid = Math.Clamp(end - (b << 6), 0, 64);
            ulong nonWhite = ~k.White & (valid == 64 ? ~0UL : (1UL << valid) - 1);
            nonWhiteBits[b] = nonWhite;
            startBits[b] = nonWhite & ~(nonWhite << 1 | previousNonWhite >> 63);
            nonAsciiBits[b] = k.NonAscii;
            previousNonWhite = nonWhite;
        }

        // Content-word ids of all sentences in one flat list; sentence i owns [offsets[i], offsets[i + 1]). Each
        // distinct word (ignoring case) gets a dense id, so the counts are an array, read without hashing.
        var tokenIds = new List<int>(end / 8 + 8);
        var offsets = new int[sentences.Count + 1];
        var wordCounts = new int[sentences.Count];
        var table = WordTable.Rent();
        var kinds = new List<byte>(64);
        for (int i = 0; i < sentences.Count; i++)
        {
            offsets[i] = tokenIds.Count;
            var (start, length) = sentences[i];
            int stop = start + length;
            // Whitespace-separated words: the word starts inside the sentence, and its first character.
            wordCounts[i] = length == 0 ? 0 : CharClasses.Count(startBits, start + 1, stop) + (int)(nonWhiteBits[start >> 6] >> (start & 63) & 1);
            int pos = start;
            while (true)
            {
                int s = CharClasses.NextSet(tokenBits, pos);
                if (s < 0 || s >= stop) break;
                int e = Math.Min(CharClasses.NextClear(tokenBits, s), stop);
                pos = e;
                // Content words: three characters or more, not a stop word.
                if (e - s < 3) continue;
                bool ascii = !CharClasses.AnySet(nonAsciiBits, s, e);
                int id;
                bool content;
                if (ascii && e - s <= 16)
                {
                    var (lo, hi) = WordTable.PackAscii(body, s, e - s);
                    id = table.Intern(lo, hi, out bool added);
                    if (added) kinds.Add(Words.IsStopWordKey(lo, hi) ? StopWord : Content);
                    content = kinds[id] == Content;
                }
                else
                {
                    // A non-ASCII word may share the id of an ASCII word it equals only after lower-casing, and
                    // the stop-word test compares ignoring case differently: no shared verdict.
                    id = table.Intern(body, s, e, ascii, out bool added);
                    if (added) kinds.Add(Content);
                    content = !Words.IsStopWord(body.AsSpan(s, e - s));
                }
                if (content) tokenIds.Add(id);
            }
        }
        offsets[sentences.Count] = tokenIds.Count;
        var frequency = new int[table.Count];
        table.Return();
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
