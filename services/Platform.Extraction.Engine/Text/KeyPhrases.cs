namespace Platform.Extraction.Engine.Text;

/// <summary>
/// RAKE (Rose et al., 2010): candidate phrases are runs of content words between stop words and punctuation;
/// a word scores degree/frequency, a phrase the sum of its words. Phrases of one to four words; phrases seen more
/// than once are preferred, since RAKE alone favours long one-off phrases. Words are compared by case-insensitive
/// ids, so only the chosen phrases are materialised as strings.
/// </summary>
internal static class KeyPhrases
{
    private readonly record struct Candidate(UInt128 Key, bool InTitle, int CharStart, int CharEnd, int FirstWord, int Count);

    public static List<string> Extract(string title, string body, int max = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        if (max == 0) return [];
        int expected = Math.Min(body.Length, 100_000) + title.Length;
        // Speed: each distinct word (ignoring case) gets a dense id when it is first seen, so the frequency and
        // degree tables are arrays: one table look-up per word instead of four.
        var words = new List<int>(expected / 6 + 8);
        var ids = WordTable.RentWithStopWords();
        var candidates = new List<Candidate>(expected / 16 + 8);
        Collect(title, inTitle: true, words, ids, candidates, title.Length);
        // The topic of a news text shows in its first pages; a bound keeps huge inputs cheap.
        Collect(body, inTitle: false, words, ids, candidates, Math.Min(body.Length, 100_000));

        var frequency = new int[ids.Count];
        var degree = new int[ids.Count];
        ids.Return();
        var wordIds = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words);
        var all = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(candidates);
        foreach (ref readonly var c in all)
        {
            foreach (var w in wordIds.Slice(c.FirstWord, c.Count))
            {
                frequency[w]++;
                degree[w] += c.Count;
            }
        }

        // Speed: phrases get dense ids (in order of first appearance) in a second table; their scores are arrays.
        var phrases = WordTable.Rent();
        var first = new int[all.Length];
        var seen = new int[all.Length];
        var scores = new double[all.Length];
        for (int ci = 0; ci < all.Length; ci++)
        {
            ref readonly var c = ref all[ci];
            if (c.Count > 4 || c.CharEnd - c.CharStart <= 2) continue;
            int p = phrases.Intern((ulong)c.Key, (ulong)(c.Key >> 64), out bool added);
            if (!added)
            {
                seen[p]++;
                continue;
            }
            double score = 0;
            foreach (var w in wordIds.Slice(c.FirstWord, c.Count)) score += degree[w] / (double)frequency[w];
            if (c.Count >= 4) score *= 0.6;
            (scores[p], seen[p], first[p]) = (score, 1, ci);
        }
        int phraseCount = phrases.Count;
        phrases.Return();
        // Only the best `max` are wanted: a small insertion-sorted buffer instead of sorting every phrase. The order
        // (rank descending, then first appearance) is total, so the pick is the same as a full sort's head. Phrases
        // come in order of appearance, so once the buffer is full a phrase gets in only with a greater rank than
        // the last one's (on a tie the earlier one stays first).
        var ranked = new (double Rank, int Order, int Candidate)[max + 1];
        int rankedCount = 0;
        for (int p = 0; p < phraseCount; p++)
        {
            double rank = scores[p] * Math.Min(seen[p], 3);
            if (rankedCount == max && !(rank > ranked[max - 1].Rank)) continue;
            var item = (Rank: rank, Order: p, Candidate: first[p]);
            int at = rankedCount;
            while (at > 0 && Before(item, ranked[at - 1])) at--;
            if (at >= max) continue;
            Array.Copy(ranked, at, ranked, at + 1, rankedCount - at);
            ranked[at] = item;
            rankedCount = Math.Min(rankedCount + 1, max);
        }
        var result = new List<string>(rankedCount);
        foreach (var r in ranked.AsSpan(0, rankedCount))
        {
            var c = all[r.Candidate];
            result.Add((c.InTitle ? title : body)[c.CharStart..c.CharEnd]);
        }
        return result;
    }

    private static bool Before((double Rank, int Order, int Candidate) a, (double Rank, int Order, int Candidate) b) =>
        a.Rank != b.Rank ? a.Rank > b.Rank : a.Order < b.Order;

    private static void Collect(string text, bool inTitle, List<int> words, WordTable table, List<Candidate> candidates, int limit)
    {
        var span = text.AsSpan(0, limit);
        var scratch = CharClasses.Scratch.Get();
        var blocks = scratch.Classify(span);
        int n = blocks.Length;
        // wordBits: the characters of the words (a letter or digit starts a word; letters, digits and a '-', '\''
        // or '’' before a letter continue it). breakBits: the characters that end a phrase (all but words, ' ', '-').
        var wordBits = scratch.Mask(0, n);
        var breakBits = scratch.Mask(1, n);
        var nonAsciiBits = scratch.Mask(2, n);
        ulong previousWordChars = 0;
        for (int b = 0; b < n; b++)
        {
            ref var k = ref blocks[b];
            ulong letterOrDigit = k.Letter | k.Digit;
            ulong nextIsLetter = k.Letter >> 1 | (b + 1 < n ? blocks[b + 1].Letter << 63 : 0);
            ulong afterWordChar = letterOrDigit << 1 | previousWordChars >> 63;
            // A joiner is always followed by a letter, so it never follows another joiner: the character before it
            // is in a word exactly when it is a letter or digit.
            ulong joiners = (k.Hyphen | k.Apostrophe) & nextIsLetter & afterWordChar;
            wordBits[b] = letterOrDigit | joiners;
            int valid = Math.Clamp(limit - (b << 6), 0, 64);
            ulong inText = valid == 64 ? ~0UL : (1UL << valid) - 1;
            breakBits[b] = ~(wordBits[b] | k.Space | k.Hyphen) & inText;
            nonAsciiBits[b] = k.NonAscii;
            previousWordChars = letterOrDigit;
        }

        int phraseStart = 0, phraseWords = 0, firstWord = 0, lastWordEnd = 0;
        UInt128 key = 0;
        // Speed: the phrase is closed inline (a local function capturing the phrase state would keep it in memory
        // rather than in registers).
        int pos = 0, nextBreak = -1, nextNonAscii = -1;
        while (true)
        {
            int s = CharClasses.NextSet(wordBits, pos);
            if (s < 0) break;
            // Any character between the words other than ' ' and '-' ends the phrase.
            if (nextBreak < pos) nextBreak = NextOrEnd(breakBits, pos);
            if (nextBreak < s && phraseWords > 0)
            {
                candidates.Add(new Candidate(key, inTitle, phraseStart, lastWordEnd, firstWord, phraseWords));
                phraseWords = 0;
            }
            int e = CharClasses.NextClear(wordBits, s);
            if (nextNonAscii < s) nextNonAscii = NextOrEnd(nonAsciiBits, s);
            bool ascii = nextNonAscii >= e;
            var word = span[s..e];
            int id;
            bool breaks;
            if (ascii && word.Length <= 16)
            {
                var (lo, hi) = WordTable.PackAscii(span, s, word.Length);
                id = table.Intern(lo, hi, out bool added);
                // Whether the word is a stop word or a number depends only on its characters ignoring ASCII case,
                // so it is a tag of its id: the stop words come tagged, a number is tagged when first seen.
                var tags = table.Tags;
                if (added && IsNumber(word)) tags[id] = Number;
                breaks = tags[id] != 0;
            }
            else
            {
                // A non-ASCII word may share the id of an ASCII word it only equals after lower-casing, and the
                // stop-word test then compares ignoring case differently: no shared verdict. (Its id, when new,
                // keeps tag 0, right for an ASCII word of the same id: that holds a letter, so it is no number, and
                // it is no stop word, or the id would be the stop word's.)
                id = table.Intern(span, s, e, ascii, out _);
                breaks = IsNumber(word) || Words.IsStopWord(word);
            }
            // Lower-case past forms ("held", "refused") are verbs far more often than parts of a noun phrase.
            // Speed: the tests read the last two characters without a branch each (a one-letter word reads its own
            // letter as the one before the last: never 'e' before 'd', nor an apostrophe before 's').
            char last = span[e - 1], beforeLast = span[Math.Max(e - 2, s)];
            bool verb = (word.Length > 4) & char.IsLower(word[0]) & (beforeLast == 'e') & (last == 'd');
            bool possessive = (last == 's') & (beforeLast is '\'' or '’');
            if (breaks | verb || possessive && Words.IsStopWord(word[..^2]))
            {
                if (phraseWords > 0) candidates.Add(new Candidate(key, inTitle, phraseStart, lastWordEnd, firstWord, phraseWords));
                phraseWords = 0;
            }
            else
            {
                if (phraseWords == 0)
                {
                    phraseStart = s;
                    firstWord = words.Count;
                    key = 0;
                }
                words.Add(id);
                // Phrases of up to four words are scored: their key is their word ids, exactly.
                key = key << 32 | (uint)(id + 1);
                phraseWords++;
            }
            lastWordEnd = e;
            pos = e;
        }
        if (phraseWords > 0) candidates.Add(new Candidate(key, inTitle, phraseStart, lastWordEnd, firstWord, phraseWords));
    }

    // The next set bit at or after `from`, or int.MaxValue: the scan keeps it until it passes it.
    private static int NextOrEnd(ReadOnlySpan<ulong> bits, int from) => CharClasses.NextSet(bits, from) is var next and >= 0 ? next : int.MaxValue;

    // The tag of numbers in the word table (stop words have WordTable.StopWordTag).
    private const byte Number = 2;

    private static bool IsNumber(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (!((uint)(c - '0') <= 9 || c >= 128 && char.IsDigit(c))) return false;
        return true;
    }
}
