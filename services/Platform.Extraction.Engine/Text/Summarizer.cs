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
        int end = 0;
        foreach (var (start, length) in sentences) end = Math.Max(end, start + length);
        // Speed: the character classes of the text as bit masks (see CharClasses); tokens and whitespace-separated
        // words are found from them a word at a time instead of testing every character.
        var scratch = CharClasses.Scratch.Get();
        var blocks = scratch.Classify(body.AsSpan(0, end));
        int n = blocks.Length;
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
        var tokenIds = new int[end / 4 + 8];
        int tokenCount = 0;
        var offsets = new int[sentences.Count + 1];
        var wordCounts = new int[sentences.Count];
        var table = WordTable.RentWithStopWords();
        for (int i = 0; i < sentences.Count; i++)
        {
            // The next non-ASCII position is kept while the scan goes forward (sentences given by a caller may
            // come in any order).
            int nextNonAscii = -1;
            offsets[i] = tokenCount;
            var (start, length) = sentences[i];
            int stop = start + length;
            // A sentence of n characters has at most (n + 1) / 2 tokens (sentences given by a caller may overlap).
            if (tokenIds.Length < tokenCount + (length + 1) / 2) Array.Resize(ref tokenIds, Math.Max(tokenIds.Length * 2, tokenCount + (length + 1) / 2));
            // Whitespace-separated words: the word starts inside the sentence, and its first character.
            wordCounts[i] = length == 0 ? 0 : CharClasses.Count(startBits, start + 1, stop) + (int)(nonWhiteBits[start >> 6] >> (start & 63) & 1);
            int pos = start;
            while (true)
            {
                int s = CharClasses.NextSet(tokenBits, pos);
                if (s < 0 || s >= stop) break;
                int e = Math.Min(CharClasses.NextClear(tokenBits, s), stop);
                pos = e;
                if (nextNonAscii < s) nextNonAscii = CharClasses.NextSet(nonAsciiBits, s) is var na && na >= 0 ? na : int.MaxValue;
                bool ascii = nextNonAscii >= e;
                int id;
                bool stopWord;
                if (ascii && e - s <= 16)
                {
                    var (lo, hi) = WordTable.PackAscii(body, s, e - s);
                    id = table.Intern(lo, hi, out _);
                    stopWord = table.Tags[id] == WordTable.StopWordTag;
                }
                else
                {
                    // A non-ASCII word may share the id of an ASCII word it equals only after lower-casing, and
                    // the stop-word test compares ignoring case differently: no shared verdict.
                    id = table.Intern(body, s, e, ascii, out _);
                    stopWord = Words.IsStopWord(body.AsSpan(s, e - s));
                }
                // Content words: three characters or more, not a stop word. Speed: every token is written and
                // only content words are kept (the count moves on), which spares a mispredicted branch per token;
                // short tokens are looked up too, for the same reason.
                tokenIds[tokenCount] = id;
                tokenCount += (e - s >= 3) & !stopWord ? 1 : 0;
            }
        }
        offsets[sentences.Count] = tokenCount;
        var frequency = new int[table.Count];
        table.Return();
        for (int k = 0; k < tokenCount; k++) frequency[tokenIds[k]]++;

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
