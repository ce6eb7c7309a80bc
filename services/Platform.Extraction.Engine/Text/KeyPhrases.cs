namespace Platform.Extraction.Engine.Text;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are runs of content words between stop words and punctuation;
/// a word scores degree/frequency, a phrase the sum of its words. Phrases of one to four words; phrases seen more
/// than once are preferred, since RAKE alone favours long one-off phrases. Words are compared by case-insensitive
/// hashes, so only the chosen phrases are materialised as strings.
/// </summary>
internal static class KeyPhrases
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
