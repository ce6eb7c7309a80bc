// Reference copies of the date stage as it was before the speed work (a string per word in the tense look-back,
// the weekday regex scanned over the whole text, every month-prefix position tried). The property tests compare
// the fast versions with them.
using System.Globalization;
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
/// Finds calendar dates in English text. The patterns start at a digit or a month/weekday name at a word boundary
/// and contain no nested quantifiers, so each start position costs bounded work: scanning is linear in the input.
/// </summary>
internal static class ReferenceDateParser
{
    private const string Month =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|" +
        "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|" +
        "JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC";

    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" +
        "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";

    // Case-sensitive: month and weekday names are capitalised in English ("may" and "march" are verbs), and a
    // capitalised start letter keeps the candidate positions of the scan few.
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    // Full dates, most specific first: "7 March 2003", "March 1, 2019", "2019-03-01" / "2019/03/01".
    private const string DayMonthYearPattern =
        $@"\b(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\s+(of\s+)?(?<m>{Month})\.?,?\s+(?<y>\d{{4}})\b";
    private const string MonthDayYearPattern = $@"\b(?<m>{Month})\.?\s+(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?,?\s+(?<y>\d{{4}})\b";
    private static readonly Regex Iso = new(@"\b(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})\b", Options);

    // Dates without a year: "January 16", "16 January".
    private const string MonthDayPattern = $@"\b(?<m>{Month})\.?\s+(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\b";
    private const string DayMonthPattern = $@"\b(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\s+(of\s+)?(?<m>{Month})\b";

    // Speed: the month patterns are tried only where they can start, anchored there with \G (the look-behind of \b
    // still sees the text before). Every month alternative begins with one of these three-letter prefixes, so a
    // month-first match starts at a prefix, and a day-first match at a digit found by walking back from one.
    // Trying the candidate starts in order and resuming after each match gives exactly the matches of a scan.
    private static readonly Regex DayMonthYear = Anchored(DayMonthYearPattern);
    private static readonly Regex MonthDayYear = Anchored(MonthDayYearPattern);
    private static readonly Regex MonthDay = Anchored(MonthDayPattern);
    private static readonly Regex DayMonth = Anchored(DayMonthPattern);

    private static Regex Anchored(string pattern) => new(@"\G(?:" + pattern + ")", Options);

    private static readonly System.Buffers.SearchValues<string> MonthPrefixes = System.Buffers.SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
         "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], StringComparison.Ordinal);

    /// <summary>Where the month-first and the day-first patterns can start, each ascending.</summary>
    private sealed class Starts
    {
        public readonly List<int> Month = [];
        public readonly List<int> Day = [];

        public Starts(string text)
        {
            int pos = 0;
            while (pos < text.Length)
            {
                int k = text.AsSpan(pos).IndexOfAny(MonthPrefixes);
                if (k < 0) break;
                int q = pos + k;
                Month.Add(q);
                AddDayStarts(text, q);
                pos = q + 1;
            }
            Day.Sort();
        }

        /// <summary>"\d{1,2}(suffix)?\s+(of\s+)?" ending at the month at <paramref name="q"/>: the possible digit starts.</summary>
        private void AddDayStarts(string text, int q)
        {
            // \s is char.IsWhiteSpace and \d char.IsDigit in .NET regexes.
            int a = q;
            while (a > 0 && char.IsWhiteSpace(text[a - 1])) a--;
            if (a == q) return;
            AddDigitsBefore(text, a);
            if (a >= 2 && text[a - 2] == 'o' && text[a - 1] == 'f')
            {
                int b = a - 2;
                while (b > 0 && char.IsWhiteSpace(text[b - 1])) b--;
                if (b < a - 2) AddDigitsBefore(text, b);
            }
        }

        // One or two digits end at `end`, or at `end - 2` before a two-letter suffix: a superset, the regex decides.
        private void AddDigitsBefore(string text, int end)
        {
            for (int s = Math.Max(0, end - 4); s < end; s++)
                if (char.IsDigit(text[s])) Day.Add(s);
        }
    }
    private static readonly Regex WeekdayRegex = new($@"\b(?<w>{Weekday})\b", Options);

    /// <summary>All dates of the text, full dates first claiming their characters, then dates without a year.</summary>
    public static List<DateMatch> FindDates(string text)
    {
        var found = new List<DateMatch>();
        // Every date pattern holds a digit.
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return found;
        var claimed = new Claims(text.Length);
        var starts = new Starts(text);
        AddMatches(found, claimed, text, DayMonthYear, starts.Day, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, MonthDayYear, starts.Month, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, Iso, null, numericMonth: true, withYear: true);
        AddMatches(found, claimed, text, MonthDay, starts.Month, numericMonth: false, withYear: false);
        AddMatches(found, claimed, text, DayMonth, starts.Day, numericMonth: false, withYear: false);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>Weekday names of the text that are not part of a date such as "Friday, March 1, 2019".</summary>
    public static List<WeekdayMatch> FindWeekdays(string text, IReadOnlyList<DateMatch> dates)
    {
        var result = new List<WeekdayMatch>();
        var claimed = new Claims(text.Length);
        var starts = new HashSet<int>();
        foreach (var d in dates)
        {
            claimed.SetAll(d.Start, d.Length);
            starts.Add(d.Start);
        }
        foreach (var m in WeekdayRegex.EnumerateMatches(text))
        {
            var word = text.AsSpan(m.Index, m.Length);
            if (!char.IsUpper(word[0])) continue;
            int end = m.Index + m.Length;
            if (FollowedByDate(text, end, starts)) continue;
            if (claimed.Any(m.Index, m.Length)) continue;
            var day = Enum.Parse<DayOfWeek>(word, ignoreCase: true);
            result.Add(new WeekdayMatch(m.Index, m.Length, day));
        }
        return result;
    }

    private static bool FollowedByDate(string text, int pos, HashSet<int> dateStarts)
    {
        int i = pos;
        while (i < text.Length && i < pos + 3 && text[i] is ',' or ' ') i++;
        if (text.AsSpan(i).StartsWith("the ", StringComparison.Ordinal)) i += 4;
        return dateStarts.Contains(i);
    }

    /// <summary>The first full date (with a year) in a line, e.g. in a header.</summary>
    public static DateOnly? FirstFullDate(string text, out int start, out int length)
    {
        start = length = 0;
        // Only the patterns with a year can give a full date, and each of them holds four digits in a row: most
        // header candidates and prose lines are rejected without a scan. The year patterns claim their characters
        // before the year-less ones run, so these matches are exactly the full dates FindDates would return.
        if (!HasFourDigits(text) || text.AsSpan().IndexOfAnyInRange('0', '9') < 0) return null;
        var found = new List<DateMatch>();
        var claimed = new Claims(text.Length);
        var starts = new Starts(text);
        AddMatches(found, claimed, text, DayMonthYear, starts.Day, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, MonthDayYear, starts.Month, numericMonth: false, withYear: true);
        AddMatches(found, claimed, text, Iso, null, numericMonth: true, withYear: true);
        DateMatch? first = null;
        foreach (var d in found)
            if (first is null || d.Start < first.Value.Start) first = d;
        if (first is not { Year: { } y } f || TryMake(y, f.Month, f.Day) is not { } date) return null;
        start = f.Start;
        length = f.Length;
        return date;
    }

    /// <summary>Four decimal digits in a row (as the regex class \d sees them), the year of every full date.</summary>
    private static bool HasFourDigits(string text)
    {
        int run = 0;
        foreach (var c in text)
        {
            run = char.IsDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    public static DateOnly? TryMake(int year, int month, int day)
    {
        if (year < 1000 || year > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return new DateOnly(year, month, day);
    }

    // "O" is DateOnly's round-trip format, yyyy-MM-dd, and takes a fast path that skips parsing a custom format.
    public static string Format(DateOnly d) => d.ToString("O", CultureInfo.InvariantCulture);

    // starts: where the anchored regex can match, ascending; null for a scanning regex.
    private static void AddMatches(List<DateMatch> found, Claims claimed, string text, Regex regex, List<int>? starts, bool numericMonth, bool withYear)
    {
        if (starts is null)
        {
            for (var m = regex.Match(text); m.Success; m = m.NextMatch()) Add(m);
            return;
        }
        int pos = 0;
        foreach (var start in starts)
        {
            if (start < pos) continue;
            var m = regex.Match(text, start);
            if (!m.Success) continue;
            // A scan resumes after the match (none of these patterns can match empty).
            pos = m.Index + m.Length;
            Add(m);
        }

        void Add(Match m)
        {
            if (claimed.Any(m.Index, m.Length)) return;
            var monthText = m.Groups["m"].Value;
            int month;
            if (numericMonth)
            {
                month = DigitValue(monthText);
            }
            else
            {
                // "may" and "march" in lower case are verbs, not months.
                if (!char.IsUpper(monthText[0])) return;
                month = MonthNumber(monthText);
            }
            int day = DigitValue(m.Groups["d"].Value);
            int? year = withYear ? DigitValue(m.Groups["y"].Value) : null;
            if (day is < 1 or > 31 || month is < 1 or > 12) return;
            if (year is { } y && TryMake(y, month, day) is null) return;
            found.Add(new DateMatch(m.Index, m.Length, year, month, day));
            claimed.SetAll(m.Index, m.Length);
        }
    }

    /// <summary>
    /// The value of the 1-4 digits a pattern's \d matched. \d is any Unicode decimal digit ("٣ March 2003" in
    /// Arabic-Indic digits), which int.Parse refuses with an exception; every such digit has a value 0-9.
    /// </summary>
    private static int DigitValue(string digits)
    {
        int value = 0;
        foreach (var c in digits) value = value * 10 + (int)char.GetNumericValue(c);
        return value;
    }

    private sealed class Claims(int length)
    {
        private readonly System.Collections.BitArray bits = new(length);

        public bool Any(int start, int length)
        {
            for (int i = start; i < start + length; i++) if (bits[i]) return true;
            return false;
        }

        public void SetAll(int start, int length)
        {
            for (int i = start; i < start + length; i++) bits[i] = true;
        }
    }

    public static int MonthNumber(string name)
    {
        var n = name.ToLowerInvariant();
        return n[..3] switch
        {
            "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
            "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12, _ => 0,
        };
    }
}
