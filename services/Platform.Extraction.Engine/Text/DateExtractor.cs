using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine.Text;

/// <summary>
/// Calendar dates of the body (GUIDELINES section 5).
/// Rules:
/// - A full date ("7 March 2003", "March 1, 2019", "2019-03-01") is taken as written.
/// - A date without a year takes its year from the publication date: the latest such date not after
///   publication plus a tolerance of 7 days (news mostly reports the recent past; the tolerance keeps
///   "on May 26" in an article of May 25 in the same year). When the sentence speaks of the future
///   ("will", "next", "scheduled") it is the first such date on or after publication instead.
/// - A weekday ("said Friday", "on early Friday morning") is the latest such weekday on or before
///   publication (the same day if publication falls on it); in a future context ("will meet on Friday",
///   "next Friday") the next such weekday after publication; "last Friday" is strictly before.
/// - Without a publication date, only full dates are listed.
/// </summary>
internal static class DateExtractor
{
    private const int ToleranceDays = 7;

    private static readonly HashSet<string> FutureMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "shall", "next", "upcoming", "scheduled", "expected", "due", "plans", "planned", "plan", "set", "coming",
        "to", "would", "'ll", "until", "till", "from",
    };

    private static readonly HashSet<string> PastMarkers = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "told", "announced", "stated", "noted", "added", "was", "were", "had", "did", "held", "met",
        "last", "earlier", "ago", "reported", "confirmed", "on", "since", "stressed", "urged",
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
        bool future = Tense(body, d.Start) > 0;
        for (int y = pub.Year + 1; y >= pub.Year - 1; y--)
        {
            if (DateParser.TryMake(y, d.Month, d.Day) is not { } candidate) continue;
            if (future)
            {
                if (candidate >= pub && candidate.Year <= pub.Year + 1 && (DateParser.TryMake(y - 1, d.Month, d.Day) is not { } earlier || earlier < pub))
                    return candidate;
            }
            else if (candidate <= pub.AddDays(ToleranceDays))
            {
                return candidate;
            }
        }
        return null;
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

    /// <summary>+1 future, -2 explicitly past ("last Friday"), -1 past, 0 unknown (treated as past).</summary>
    private static int Tense(string body, int position)
    {
        int pos = position;
        for (int steps = 0; steps < 14; steps++)
        {
            var word = PreviousWord(body, pos, out int ws);
            if (word is null) break;
            if (steps == 0 && word.Equals("last", StringComparison.OrdinalIgnoreCase)) return -2;
            if (steps == 0 && (word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("coming", StringComparison.OrdinalIgnoreCase))) return 1;
            if (steps == 0 && word.Equals("this", StringComparison.OrdinalIgnoreCase)) { pos = ws; continue; }
            if (PastMarkers.Contains(word) && !word.Equals("on", StringComparison.OrdinalIgnoreCase)) return -1;
            if (FutureMarkers.Contains(word) && word is not ("to" or "from" or "until" or "till"))
                return word.Equals("would", StringComparison.OrdinalIgnoreCase) ? 0 : 1;
            // A sentence boundary ends the look-back.
            if (ws > 0 && body[ws - 1] is '.' or '!' or '?' or '\n' or ';') break;
            pos = ws;
        }
        return 0;
    }

    private static string? PreviousWord(string body, int pos, out int wordStart)
    {
        int i = pos - 1;
        while (i >= 0 && (body[i] == ' ' || body[i] == ',')) i--;
        wordStart = pos;
        if (i < 0 || body[i] is '.' or '!' or '?' or '\n' or ';' or '"' or '“' or '”') return null;
        int end = i + 1;
        while (i >= 0 && (char.IsLetter(body[i]) || body[i] == '\'')) i--;
        wordStart = i + 1;
        return end > wordStart ? body[wordStart..end] : null;
    }

    private static string? NextWord(string body, int pos, out int wordEnd)
    {
        int i = pos;
        while (i < body.Length && body[i] == ' ') i++;
        int s = i;
        while (i < body.Length && char.IsLetter(body[i])) i++;
        wordEnd = i;
        return i > s ? body[s..i] : null;
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
