// Reference versions of the date stage for the property tests: the extractor as it was before the speed work (a
// string per word in the tense look-back), the parser by its plain definition (each pattern scanned over the whole
// text).
using System.Text.RegularExpressions;
using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests.Text;

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
internal static class ReferenceDateExtractor
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
        var dates = ReferenceDateParser.FindDates(body);
        foreach (var d in dates)
        {
            DateOnly? value = d.Year is { } y ? ReferenceDateParser.TryMake(y, d.Month, d.Day) : ResolveYearless(body, d, published);
            if (value is null) continue;
            mentions.Add(Mention(body, d.Start, d.Length, value.Value));
        }
        if (published is { } pub)
        {
            foreach (var w in ReferenceDateParser.FindWeekdays(body, dates))
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
        Value = ReferenceDateParser.Format(value),
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
            if (ReferenceDateParser.TryMake(y, d.Month, d.Day) is not { } candidate) continue;
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

    /// <summary>+1 future, -2 explicitly past ("last Friday"), -1 past, 0 unknown (treated as past).</summary>
    private static int Tense(string body, int position)
    {
        int pos = position;
        // A deadline ("by September 30", "by Friday") points ahead unless the sentence is in the past ("had been
        // finished by Friday").
        bool deadline = false;
        string? later = null;
        for (int steps = 0; steps < 14; steps++)
        {
            var word = PreviousWord(body, pos, out int ws);
            if (word is null) break;
            if (steps == 0 && word.Equals("by", StringComparison.OrdinalIgnoreCase)) { deadline = true; pos = ws; continue; }
            if (steps == 0 && word.Equals("last", StringComparison.OrdinalIgnoreCase)) return -2;
            if (steps == 0 && (word.Equals("next", StringComparison.OrdinalIgnoreCase) || word.Equals("coming", StringComparison.OrdinalIgnoreCase))) return 1;
            if (steps == 0 && word.Equals("this", StringComparison.OrdinalIgnoreCase)) { pos = ws; continue; }
            if (PastMarkers.Contains(word) && !word.Equals("on", StringComparison.OrdinalIgnoreCase)) return -1;
            // "would" in news is mostly reported future ("said it would vote on Thursday"). Words that are nouns as
            // well ("welcomed the plan at a briefing on Monday", "the hopes of ...") point ahead only before "to"/"for".
            if (FutureMarkers.Contains(word) && word is not ("to" or "from" or "until" or "till")
                && (!NounLikeMarkers.Contains(word) || later is "to" or "for"))
                return 1;
            // A sentence boundary ends the look-back.
            if (ws > 0 && body[ws - 1] is '.' or '!' or '?' or '\n' or ';') break;
            later = word.ToLowerInvariant();
            pos = ws;
        }
        return deadline ? 1 : 0;
    }

    private static string? PreviousWord(string body, int pos, out int wordStart)
    {
        int i = pos - 1;
        while (i >= 0 && (body[i] == ' ' || body[i] == ',')) i--;
        wordStart = pos;
        if (i < 0 || body[i] is '.' or '!' or '?' or '\n' or ';' or '"' or '“' or '”') return null;
        int end = i + 1;
        // Numbers and amounts are words too ("over 20 beaches from Saturday"): the look-back goes on past them.
        while (i >= 0 && (char.IsLetterOrDigit(body[i]) || body[i] is '\'' or '%' or '-' or '$' or '£' or '€')) i--;
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

/// <summary>
/// The date parser by its plain definition: each of the product's five date patterns scanned over the whole text
/// (full dates first, each match claiming its characters), and the weekday pattern likewise. The product tries
/// the patterns only where they can start (whole month names, digits before them, ISO separators).
/// </summary>
internal static class ReferenceDateParser
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    private static readonly Regex DayMonthYear = new(DateParser.DayMonthYearPattern, Options);
    private static readonly Regex MonthDayYear = new(DateParser.MonthDayYearPattern, Options);
    private static readonly Regex Iso = new(DateParser.IsoPattern, Options);
    private static readonly Regex MonthDay = new(DateParser.MonthDayPattern, Options);
    private static readonly Regex DayMonth = new(DateParser.DayMonthPattern, Options);
    private static readonly Regex WeekdayRegex = new($@"\b(?<w>{DateParser.Weekday})\b", Options);

    public static List<DateMatch> FindDates(string text)
    {
        var found = new List<DateMatch>();
        var claimed = new bool[text.Length];
        foreach (var (regex, numericMonth, withYear) in new[]
                 {
                     (DayMonthYear, false, true), (MonthDayYear, false, true), (Iso, true, true),
                     (MonthDay, false, false), (DayMonth, false, false),
                 })
            AddMatches(found, claimed, text, regex, numericMonth, withYear);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    public static List<WeekdayMatch> FindWeekdays(string text, IReadOnlyList<DateMatch> dates)
    {
        var result = new List<WeekdayMatch>();
        var claimed = new bool[text.Length];
        var starts = new HashSet<int>();
        foreach (var d in dates)
        {
            Array.Fill(claimed, true, d.Start, d.Length);
            starts.Add(d.Start);
        }
        foreach (Match m in WeekdayRegex.Matches(text))
        {
            if (!char.IsUpper(m.Value[0]) || DateParser.FollowedByDate(text, m.Index + m.Length, starts)) continue;
            if (claimed.AsSpan(m.Index, m.Length).Contains(true)) continue;
            result.Add(new WeekdayMatch(m.Index, m.Length, Enum.Parse<DayOfWeek>(m.Value, ignoreCase: true)));
        }
        return result;
    }

    /// <summary>The first full date of a line: the leftmost match of the three patterns with a year.</summary>
    public static DateOnly? FirstFullDate(string text, out int start, out int length)
    {
        start = length = 0;
        var found = new List<DateMatch>();
        var claimed = new bool[text.Length];
        AddMatches(found, claimed, text, DayMonthYear, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, MonthDayYear, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, Iso, numericMonth: true, withYear: true);
        if (found.Count == 0) return null;
        var first = found.MinBy(d => d.Start);
        start = first.Start;
        length = first.Length;
        return DateParser.TryMake(first.Year!.Value, first.Month, first.Day);
    }

    public static DateOnly? TryMake(int year, int month, int day) => DateParser.TryMake(year, month, day);

    public static string Format(DateOnly d) => DateParser.Format(d);

    private static void AddMatches(List<DateMatch> found, bool[] claimed, string text, Regex regex, bool numericMonth, bool withYear)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (claimed.AsSpan(m.Index, m.Length).Contains(true)) continue;
            var monthText = m.Groups["m"].Value;
            // "may" and "march" in lower case are verbs, not months.
            if (!numericMonth && !char.IsUpper(monthText[0])) continue;
            int month = numericMonth ? DateParser.DigitValue(monthText) : DateParser.MonthNumber(monthText);
            int day = DateParser.DigitValue(m.Groups["d"].Value);
            int? year = withYear ? DateParser.DigitValue(m.Groups["y"].Value) : null;
            if (day is < 1 or > 31 || month is < 1 or > 12) continue;
            if (year is { } y && DateParser.TryMake(y, month, day) is null) continue;
            found.Add(new DateMatch(m.Index, m.Length, year, month, day));
            Array.Fill(claimed, true, m.Index, m.Length);
        }
    }
}
