using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Extraction.Engine.Text;

/// <summary>A date written in the text; <see cref="Year"/> is null when the text gives none.</summary>
internal readonly record struct DateMatch(int Start, int Length, int? Year, int Month, int Day);

/// <summary>A weekday name in the text ("Friday").</summary>
internal readonly record struct WeekdayMatch(int Start, int Length, DayOfWeek Day);

/// <summary>
/// Finds calendar dates in English text. The patterns start at a digit or a month/weekday name at a word boundary
/// and contain no nested quantifiers, so each start position costs bounded work: scanning is linear in the input.
/// </summary>
internal static partial class DateParser
{
    private const string Month =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|" +
        "JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|" +
        "JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC";

    internal const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|" +
        "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY";

    // Case-sensitive: month and weekday names are capitalised in English ("may" and "march" are verbs), and a
    // capitalised start letter keeps the candidate positions of the scan few.
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Full dates, most specific first: "7 March 2003", "March 1, 2019", "2019-03-01" / "2019/03/01".
    internal const string DayMonthYearPattern =
        $@"\b(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\s+(of\s+)?(?<m>{Month})\.?,?\s+(?<y>\d{{4}})\b";
    internal const string MonthDayYearPattern = $@"\b(?<m>{Month})\.?\s+(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?,?\s+(?<y>\d{{4}})\b";
    internal const string IsoPattern = @"\b(?<y>\d{4})[-/](?<m>\d{1,2})[-/](?<d>\d{1,2})\b";
    [GeneratedRegex(@"\G(?:" + IsoPattern + ")", Options)]
    private static partial Regex Iso { get; }

    // Dates without a year: "January 16", "16 January".
    internal const string MonthDayPattern = $@"\b(?<m>{Month})\.?\s+(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\b";
    internal const string DayMonthPattern = $@"\b(?<d>\d{{1,2}})(st|nd|rd|th|ST|ND|RD|TH)?\s+(of\s+)?(?<m>{Month})\b";

    // Speed: the month patterns are tried only where they can start, anchored there with \G (the look-behind of \b
    // still sees the text before). Every month alternative begins with one of these three-letter prefixes, so a
    // month-first match starts at a prefix, and a day-first match at a digit found by walking back from one.
    // Trying the candidate starts in order and resuming after each match gives exactly the matches of a scan.
    [GeneratedRegex(@"\G(?:" + DayMonthYearPattern + ")", Options)]
    private static partial Regex DayMonthYear { get; }

    [GeneratedRegex(@"\G(?:" + MonthDayYearPattern + ")", Options)]
    private static partial Regex MonthDayYear { get; }

    [GeneratedRegex(@"\G(?:" + MonthDayPattern + ")", Options)]
    private static partial Regex MonthDay { get; }

    [GeneratedRegex(@"\G(?:" + DayMonthPattern + ")", Options)]
    private static partial Regex DayMonth { get; }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthNames =
        new HashSet<string>(Month.Split('|'), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Buffers.SearchValues<string> MonthPrefixes = System.Buffers.SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
         "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], StringComparison.Ordinal);

    /// <summary>Where the month-first, the day-first and the ISO patterns can start, each ascending.</summary>
    private sealed class Starts
    {
        public readonly List<int> Month = [];
        public readonly List<int> Day = [];
        public readonly List<int> Iso = [];

        public Starts(string text)
        {
            int pos = 0;
            while (pos < text.Length)
            {
                int k = text.AsSpan(pos).IndexOfAny(MonthPrefixes);
                if (k < 0) break;
                int q = pos + k;
                pos = q + 1;
                // Every pattern needs a month name followed by a character that is not an ASCII letter ('.', ',',
                // white space, or a non-word character for \b), and the names are ASCII letters: the run of ASCII
                // letters at q must be a whole name. This drops "Market", "Mayor", "Junior" before any regex runs.
                int r = q;
                while (r < text.Length && char.IsAsciiLetter(text[r])) r++;
                if (!MonthNames.Contains(text.AsSpan(q, r - q))) continue;
                Month.Add(q);
                AddDayStarts(text, q);
            }
            Day.Sort();
            // An ISO date is four digits (\d, char.IsDigit) and a '-' or '/': it starts four characters before a
            // separator that follows four digits.
            for (int p = text.AsSpan().IndexOfAny('-', '/'); p >= 0; )
            {
                if (p >= 4 && char.IsDigit(text[p - 1]) && char.IsDigit(text[p - 2]) && char.IsDigit(text[p - 3]) && char.IsDigit(text[p - 4]))
                    Iso.Add(p - 4);
                int next = text.AsSpan(p + 1).IndexOfAny('-', '/');
                p = next < 0 ? -1 : p + 1 + next;
            }
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
    // (A vectorised search for the weekday names, with the pattern anchored there, measured slower than this scan.)
    [GeneratedRegex($@"\b(?<w>{Weekday})\b", Options)]
    private static partial Regex WeekdayRegex { get; }

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
        AddMatches(found, claimed, text, Iso, starts.Iso, numericMonth: true, withYear: true);
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
            var day = DayOf(word);
            result.Add(new WeekdayMatch(m.Index, m.Length, day));
        }
        return result;
    }

    /// <summary>The day of one of the weekday names of the pattern (Enum.Parse ignoring case, without parsing).</summary>
    private static DayOfWeek DayOf(ReadOnlySpan<char> name) => (Words.Lower(name[0]), Words.Lower(name[1])) switch
    {
        ('m', _) => DayOfWeek.Monday,
        ('t', 'u') => DayOfWeek.Tuesday,
        ('w', _) => DayOfWeek.Wednesday,
        ('t', _) => DayOfWeek.Thursday,
        ('f', _) => DayOfWeek.Friday,
        ('s', 'a') => DayOfWeek.Saturday,
        _ => DayOfWeek.Sunday,
    };

    internal static bool FollowedByDate(string text, int pos, HashSet<int> dateStarts)
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
        AddMatches(found, claimed, text, Iso, starts.Iso, numericMonth: true, withYear: true);
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

    // starts: where the anchored regex can match, ascending.
    private static void AddMatches(List<DateMatch> found, Claims claimed, string text, Regex regex, List<int> starts, bool numericMonth, bool withYear)
    {
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
    internal static int DigitValue(string digits)
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
