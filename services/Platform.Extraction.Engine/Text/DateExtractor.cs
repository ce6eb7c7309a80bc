using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Calendar dates of the body (GUIDELINES section 5).
/// Rules:
/// - A full date ("7 March 2003", "March 1, 2019", "2019-03-01") is taken as written.
/// - A date without a year takes its year from the publication date: the occurrence nearest to publication
///   (a news text speaks of the months around its date: "On January 16" in a text of January 17 is that January,
///   "payable on December 1" in a text of October 23 is the coming December). A future cue in the sentence
///   ("will", "would", "next", "scheduled") makes it the first occurrence on or after publication; "last" the
///   latest one on or before publication (plus 7 days of tolerance).
/// - A weekday ("said Friday", "on early Friday morning") is the latest such weekday on or before
///   publication (the same day if publication falls on it); in a future context ("will meet on Friday",
///   "said he would present it on Friday", "next Friday") the next such weekday after publication;
///   "last Friday" is strictly before.
/// - Without a publication date, only full dates are listed.
/// </summary>
internal static class DateExtractor
{
    private const int ToleranceDays = 7;

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "next", "upcoming", "scheduled", "expected", "due", "plans", "planned", "plan", "set", "coming",
        "to", "would", "'ll", "until", "till", "from",
        // Intentions and obligations point ahead: "expects to finish", "aims to open", "payable on".
        "expects", "expect", "aims", "aim", "hopes", "hope", "intends", "intend", "targets", "payable",
    };

    // Future markers that are also nouns or past forms of other senses ("the plan", "a set of", "their hopes").
    private static readonly HashSet<string> NounLikeMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "plan", "plans", "set", "aim", "aims", "hope", "hopes", "targets",
    };

    private static readonly HashSet<string> PastMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not "held", "reported", "confirmed": as participles they also stand in future sentences ("will be held on").
        "said", "says", "told", "announced", "stated", "noted", "added", "was", "were", "had", "did", "met",
        "last", "earlier", "ago", "on", "since", "stressed", "urged",
    };

    public static List<DateMention> Extract(string body, DateOnly? published)
    {
        var mentions = new List<DateMention>();
        var dates = DateParser.FindDates(body);
        foreach (var d in dates)
        {
            DateOnly? value = d.Year is { } y ? DateParser.TryMake(y, d.Month, d.Day) : ResolveYearless(body, d, published);
            if (value is null) continue;
            mentions.Add(Mention(body, d.Start, d.Length, value.Value));
        }
        if (published is { } pub)
        {
            foreach (var w in DateParser.FindWeekdays(body, dates))
            {
                var tense = Tense(body, w.Start);
                DateOnly value = tense switch
                {
                    > 0 => Next(pub, w.Day),
                    < -1 => Previous(pub.AddDays(-1), w.Day),
                    _ => Previous(pub, w.Day),
                };
                var (start, length) = Surface(body, w.Start, w.Length);
                mentions.Add(Mention(body, start, length, value));
            }
        }
        mentions.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return mentions;
    }

    private static DateMention Mention(string body, int start, int length, DateOnly value) => new()
    {
        Text = body.Substring(start, length),
        Value = DateParser.Format(value),
        Span = new TextSpan { Start = start, Length = length },
    };

    private static DateOnly? ResolveYearless(string body, DateMatch d, DateOnly? published)
    {
        if (published is not { } pub) return null;
        int tense = Tense(body, d.Start);
        DateOnly? best = null;
        int bestDistance = int.MaxValue;
        for (int y = pub.Year - 1; y <= pub.Year + 1; y++)
        {
            if (DateParser.TryMake(y, d.Month, d.Day) is not { } candidate) continue;
            int distance = candidate.DayNumber - pub.DayNumber;
            if (tense > 0 && distance < 0) continue;
            if (tense < -1 && distance > ToleranceDays) continue;
            if (Math.Abs(distance) < bestDistance)
            {
                best = candidate;
                bestDistance = Math.Abs(distance);
            }
        }
        return best;
    }

    /// <summary>"early Friday morning": widen the surface to the time-of-day words around the weekday.</summary>
    private static (int Start, int Length) Surface(string body, int start, int length)
    {
        int s = start, e = start + length;
        var before = PreviousWord(body, s, out int ws);
        if (before is "early" or "late" or "Early" or "Late") s = ws;
        var after = NextWord(body, e, out int we);
        if (after is "morning" or "afternoon" or "evening" or "night") e = we;
        return (s, e - s);
    }

    // Speed: the look-back reads each word as a span of the body (no string per word). An ASCII word's marker sets
    // come from one probe of a small table keyed by its packed lower-cased characters (WordTable.PackScalar; the
    // markers are ASCII, and ignoring case an ASCII word equals one exactly when their keys are equal); other words
    // are searched in the sets with span look-ups of the same case-insensitive comparer.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureLookup = FutureMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NounLikeLookup = NounLikeMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PastLookup = PastMarkers.GetAlternateLookup<ReadOnlySpan<char>>();

    [Flags]
    private enum Marker : byte { None = 0, Past = 1, Future = 2, NounLike = 4 }

    private const int MarkerTableSize = 256;

    private static readonly (ulong Lo, ulong Hi, Marker Marker)[] MarkerTable = BuildMarkerTable();

    private static (ulong Lo, ulong Hi, Marker Marker)[] BuildMarkerTable()
    {
        var table = new (ulong Lo, ulong Hi, Marker Marker)[MarkerTableSize];
        void Add(IEnumerable<string> words, Marker marker)
        {
            foreach (var w in words)
            {
                if (w.Length > 16 || !System.Text.Ascii.IsValid(w)) throw new InvalidOperationException($"Marker '{w}' is not short ASCII.");
                var (lo, hi) = WordTable.PackScalar(w);
                int slot = MarkerSlot(lo, hi);
                while (table[slot].Lo != 0 && (table[slot].Lo != lo || table[slot].Hi != hi)) slot = (slot + 1) & (MarkerTableSize - 1);
                table[slot] = (lo, hi, table[slot].Marker | marker);
            }
        }
        Add(PastMarkers, Marker.Past);
        Add(FutureMarkers, Marker.Future);
        Add(NounLikeMarkers, Marker.NounLike);
        return table;
    }

    private static int MarkerSlot(ulong lo, ulong hi) => (int)(((lo ^ hi * 0xC2B2AE3D27D4EB4FUL) * 0x9E3779B97F4A7C15UL) >> 56) & (MarkerTableSize - 1);

    private static Marker MarkerOf(ReadOnlySpan<char> word)
    {
        if (word.Length <= 16 && System.Text.Ascii.IsValid(word))
        {
            var (lo, hi) = WordTable.PackScalar(word);
            var table = MarkerTable;
            for (int slot = MarkerSlot(lo, hi); table[slot].Lo != 0; slot = (slot + 1) & (MarkerTableSize - 1))
                if (table[slot].Lo == lo && table[slot].Hi == hi) return table[slot].Marker;
            return Marker.None;
        }
        return (PastLookup.Contains(word) ? Marker.Past : 0) | (FutureLookup.Contains(word) ? Marker.Future : 0)
            | (NounLikeLookup.Contains(word) ? Marker.NounLike : 0);
    }

    /// <summary>+1 future, -2 explicitly past ("last Friday"), -1 past, 0 unknown (treated as past).</summary>
    private static int Tense(string body, int position)
    {
        int pos = position;
        // A deadline ("by September 30", "by Friday") points ahead unless the sentence is in the past ("had been
        // finished by Friday").
        bool deadline = false;
        // The word after the current one, as "to", "for" or other (its lower-cased form is all the rules read).
        Later later = Later.None;
        for (int steps = 0; steps < 14; steps++)
        {
            var word = PreviousWord(body, pos, out int ws);
            if (word.IsEmpty) break;
            if (steps == 0 && word.Equals("by", StringComparison.OrdinalIgnoreCase)) { deadline = true; pos = ws; continue; }
            if (steps == 0 && word.Equals("last", StringComparison.OrdinalIgnoreCase)) return -2;
            if (steps == 0 && (word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("coming", StringComparison.OrdinalIgnoreCase))) return 1;
            if (steps == 0 && word.Equals("this", StringComparison.OrdinalIgnoreCase)) { pos = ws; continue; }
            var marker = MarkerOf(word);
            if ((marker & Marker.Past) != 0 && !word.Equals("on", StringComparison.OrdinalIgnoreCase)) return -1;
            // "would" in news is mostly reported future ("said it would vote on Thursday"). Words that are nouns as
            // well ("welcomed the plan at a briefing on Monday", "the hopes of ...") point ahead only before "to"/"for".
            if ((marker & Marker.Future) != 0 && !(word is "to" or "from" or "until" or "till")
                && ((marker & Marker.NounLike) == 0 || later is Later.To or Later.For))
                return 1;
            // A sentence boundary ends the look-back.
            if (ws > 0 && body[ws - 1] is '.' or '!' or '?' or '\n' or ';') break;
            later = LowerIs(word, "to") ? Later.To : LowerIs(word, "for") ? Later.For : Later.Other;
            pos = ws;
        }
        return deadline ? 1 : 0;
    }

    private enum Later { None, To, For, Other }

    /// <summary>word.ToLowerInvariant() == lower, for an ASCII lower-case <paramref name="lower"/>, without the string.</summary>
    private static bool LowerIs(ReadOnlySpan<char> word, string lower)
    {
        if (word.Length != lower.Length) return false;
        for (int i = 0; i < word.Length; i++)
            if (Words.Lower(word[i]) != lower[i]) return false;
        return true;
    }

    /// <summary>The word before <paramref name="pos"/> (past spaces and commas), or empty at a sentence boundary.</summary>
    private static ReadOnlySpan<char> PreviousWord(string body, int pos, out int wordStart)
    {
        int i = pos - 1;
        while (i >= 0 && (body[i] == ' ' || body[i] == ',')) i--;
        wordStart = pos;
        if (i < 0 || body[i] is '.' or '!' or '?' or '\n' or ';' or '"' or '“' or '”') return default;
        int end = i + 1;
        // Numbers and amounts are words too ("over 20 beaches from Saturday"): the look-back goes on past them.
        while (i >= 0 && (char.IsLetterOrDigit(body[i]) || body[i] is '\'' or '%' or '-' or '$' or '£' or '€')) i--;
        wordStart = i + 1;
        return end > wordStart ? body.AsSpan(wordStart, end - wordStart) : default;
    }

    private static ReadOnlySpan<char> NextWord(string body, int pos, out int wordEnd)
    {
        int i = pos;
        while (i < body.Length && body[i] == ' ') i++;
        int s = i;
        while (i < body.Length && char.IsLetter(body[i])) i++;
        wordEnd = i;
        return body.AsSpan(s, i - s);
    }

    private static DateOnly Previous(DateOnly from, DayOfWeek day)
    {
        int diff = ((int)from.DayOfWeek - (int)day + 7) % 7;
        return from.AddDays(-diff);
    }

    private static DateOnly Next(DateOnly from, DayOfWeek day)
    {
        int diff = ((int)day - (int)from.DayOfWeek + 7) % 7;
        return from.AddDays(diff == 0 ? 7 : diff);
    }
}
