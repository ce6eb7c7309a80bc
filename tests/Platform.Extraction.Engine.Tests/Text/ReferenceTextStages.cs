// Reference copies of the text stages as they were before the speed work (simple per-character loops and
// FNV word hashes). The property tests compare the fast versions with them on random and adversarial texts.
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests.Text;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are runs of content words between stop words and punctuation;
/// a word scores degree/frequency, a phrase the sum of its words. Phrases of one to four words; phrases seen more
/// than once are preferred, since RAKE alone favours long one-off phrases. Words are compared by case-insensitive
/// hashes, so only the chosen phrases are materialised as strings.
/// </summary>
internal static class ReferenceKeyPhrases
{
    private readonly record struct Candidate(long Key, bool InTitle, int CharStart, int CharEnd, int FirstWord, int Count);

    public static List<string> Extract(string title, string body, int max = 8)
    {
        int expected = Math.Min(body.Length, 100_000) + title.Length;
        // Speed: each distinct word (by case-insensitive hash) gets a dense id when it is first seen, so the
        // frequency and degree tables are arrays: one hash look-up per word instead of four.
        var words = new List<int>(expected / 6 + 8);
        var ids = new Dictionary<long, int>(expected / 12 + 8);
        var candidates = new List<Candidate>(expected / 16 + 8);
        Collect(title, inTitle: true, words, ids, candidates, title.Length);
        // The topic of a news text shows in its first pages; a bound keeps huge inputs cheap.
        Collect(body, inTitle: false, words, ids, candidates, Math.Min(body.Length, 100_000));

        var frequency = new int[ids.Count];
        var degree = new int[ids.Count];
        foreach (var c in candidates)
        {
            for (int i = c.FirstWord; i < c.FirstWord + c.Count; i++)
            {
                var w = words[i];
                frequency[w]++;
                degree[w] += c.Count;
            }
        }

        var scores = new Dictionary<long, (double Score, int Seen, int Candidate, int Order)>(candidates.Count);
        for (int ci = 0; ci < candidates.Count; ci++)
        {
            var c = candidates[ci];
            if (c.Count > 4 || c.CharEnd - c.CharStart <= 2) continue;
            ref var known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, c.Key, out bool exists);
            if (exists)
            {
                known.Seen++;
                continue;
            }
            double score = 0;
            for (int i = c.FirstWord; i < c.FirstWord + c.Count; i++) score += degree[words[i]] / (double)frequency[words[i]];
            if (c.Count >= 4) score *= 0.6;
            known = (score, 1, ci, scores.Count - 1);
        }
        // Only the best `max` are wanted: a small insertion-sorted buffer instead of sorting every phrase. The order
        // (rank descending, then first appearance) is total, so the pick is the same as a full sort's head.
        var ranked = new List<(double Rank, int Order, int Candidate)>(max + 1);
        foreach (var (_, v) in scores)
        {
            var item = (Rank: v.Score * Math.Min(v.Seen, 3), v.Order, v.Candidate);
            int at = ranked.Count;
            while (at > 0 && Before(item, ranked[at - 1])) at--;
            if (at >= max) continue;
            ranked.Insert(at, item);
            if (ranked.Count > max) ranked.RemoveAt(max);
        }
        var result = new List<string>(max);
        foreach (var r in ranked)
        {
            if (result.Count == max) break;
            var c = candidates[r.Candidate];
            result.Add((c.InTitle ? title : body)[c.CharStart..c.CharEnd]);
        }
        return result;
    }

    private static bool Before((double Rank, int Order, int Candidate) a, (double Rank, int Order, int Candidate) b) =>
        a.Rank != b.Rank ? a.Rank > b.Rank : a.Order < b.Order;

    private static void Collect(string text, bool inTitle, List<int> words, Dictionary<long, int> ids, List<Candidate> candidates, int limit)
    {
        int phraseStart = -1, phraseWords = 0, firstWord = 0, lastWordEnd = 0;
        ulong key = 0;
        void End()
        {
            if (phraseWords > 0) candidates.Add(new Candidate((long)key, inTitle, phraseStart, lastWordEnd, firstWord, phraseWords));
            phraseStart = -1;
            phraseWords = 0;
        }
        int i = 0;
        while (i < limit)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                // Speed: the case-insensitive hash and the ASCII flag are gathered while the word is scanned; the
                // stop-word tests and the phrase key reuse them.
                ulong h = 14695981039346656037UL;
                bool ascii = true;
                while (i < limit)
                {
                    char w = text[i];
                    if (!(char.IsLetterOrDigit(w) || w is '-' or '\'' or '’' && i + 1 < limit && char.IsLetter(text[i + 1]))) break;
                    ascii &= w < 128;
                    h = (h ^ Words.Lower(w)) * 1099511628211UL;
                    i++;
                }
                var word = text.AsSpan(s, i - s);
                bool possessive = word.EndsWith("'s") || word.EndsWith("’s");
                // Lower-case past forms ("held", "refused") are verbs far more often than parts of a noun phrase.
                bool verb = word.Length > 4 && char.IsLower(word[0]) && word.EndsWith("ed");
                if (verb || IsNumber(word) || Words.IsStopWord(word, (long)h, ascii) || possessive && Words.IsStopWord(word[..^2]))
                {
                    End();
                }
                else
                {
                    if (phraseWords == 0)
                    {
                        phraseStart = s;
                        firstWord = words.Count;
                        key = 14695981039346656037UL;
                    }
                    ref int id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, (long)h, out bool seen);
                    if (!seen) id = ids.Count - 1;
                    words.Add(id);
                    key = ((key ^ h) * 1099511628211UL) << 1 | 1;
                    phraseWords++;
                }
                lastWordEnd = i;
                continue;
            }
            if (c is not (' ' or '-')) End();
            i++;
        }
        End();
    }

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!((uint)(c - '0') <= 9 || c >= 128 && char.IsDigit(c))) return false;
        return true;
    }
}

/// <summary>
/// Extractive summary: sentences scored by the frequency of their content words (Luhn-style) with a lead bonus,
/// since news puts the gist first; up to three sentences in document order.
/// </summary>
internal static class ReferenceSummarizer
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

/// <summary>
/// The language guess by its plain definition: letter runs of the first 2,000 characters, the share of them that
/// are common English words (the product's list, compared ignoring case).
/// </summary>
internal static class ReferenceLanguageGuess
{
    public static string Guess(string text)
    {
        int total = 0, english = 0;
        var span = text.AsSpan(0, Math.Min(text.Length, 2_000));
        int i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i])) { i++; continue; }
            int s = i;
            while (i < span.Length && char.IsLetter(span[i])) i++;
            total++;
            if (LanguageGuess.Common.Contains(span[s..i].ToString())) english++;
        }
        if (total < 8) return "en";
        return english >= total * 0.12 ? "en" : "und";
    }
}
