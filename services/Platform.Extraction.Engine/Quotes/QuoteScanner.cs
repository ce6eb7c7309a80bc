namespace Platform.Extraction.Engine.Quotes;

/// <summary>A pair of quote marks in the body (also short ones, which are not quotes but hide their words from attribution).</summary>
internal sealed class QuoteSpan
{
    /// <summary>Offset of the opening mark.</summary>
    public int Open { get; init; }
    /// <summary>Offset of the closing mark, or of the end of the paragraph when the quote was never closed.</summary>
    public int Close { get; set; }
    /// <summary>Text without the marks; parts of a quote running over paragraphs are joined with one space.</summary>
    public string Text { get; set; } = "";
    public int WordCount { get; set; }
    /// <summary>The quote ended with [.!?] inside the marks: a following clause starts a new sentence.</summary>
    public bool EndsSentence { get; set; }
    public int Paragraph { get; set; }
    public string Speaker { get; set; } = "";
    public string Attribution { get; set; } = "";
    public Entities.EntityCluster? SpeakerCluster { get; set; }
    public int ContentStart { get; set; }
    public int ContentEnd { get; set; }
}

/// <summary>
/// Finds direct quotations in one linear pass. Double marks (straight, curly, low-9, guillemets) pair up inside a
/// paragraph; an open quote continues into the next paragraph when that paragraph re-opens it. Single marks are
/// quotes only where they cannot be apostrophes (opening after a space or bracket, closing before a space or
/// punctuation) and do not contain another double quote.
/// </summary>
internal static class QuoteScanner
{
    public const int MinWords = 4;

    /// <summary>Every character the scan reacts to in any state (all others are skipped).</summary>
    private static readonly System.Buffers.SearchValues<char> StateChars =
        System.Buffers.SearchValues.Create("\n\"'\u201C\u201D\u201E\u00AB\u00BB\u2018\u2019");

    private static bool IsDoubleOpen(char c) => c is '\u201C' or '\u201E' or '\u00AB';
    private static bool IsDoubleClose(char c) => c is '\u201D' or '\u00BB';
    private static bool IsSingle(char c) => c is '\'' or '\u2018' or '\u2019';

    public static List<QuoteSpan> Scan(string body)
    {
        var result = new List<QuoteSpan>();
        int n = body.Length;
        int paragraph = 0;
        int open = -1;            // offset of the current double opening mark
        bool single = false;      // the open quote uses single marks
        var parts = new List<(int Start, int End)>();
        int firstOpen = -1;
        int startParagraph = 0;

        for (int i = 0; i < n; i++)
        {
            // only line breaks and quote marks can change the state: jump to the next one (vectorised)
            int skip = body.AsSpan(i).IndexOfAny(StateChars);
            if (skip < 0)
            {
                break;
            }
            i += skip;
            char c = body[i];
            if (c == '\n' && i + 1 < n && body[i + 1] == '\n')
            {
                // paragraph end
                int paraEnd = i;
                int j = i;
                while (j < n && char.IsWhiteSpace(body[j]))
                {
                    j++;
                }
                if (open >= 0)
                {
                    bool reopens = j < n && (single ? body[j] is '\'' or '\u2018' : body[j] is '"' or '\u201C' or '\u201E' or '\u00AB');
                    parts.Add((open + 1, paraEnd));
                    if (reopens)
                    {
                        open = j;
                        paragraph++;
                        i = j;
                        continue;
                    }
                    if (!single)
                    {
                        Complete(body, result, firstOpen, paraEnd, parts, startParagraph);
                    }
                    open = -1;
                    parts.Clear();
                }
                paragraph++;
                i = j - 1;
                continue;
            }
            if (open < 0)
            {
                // a straight mark right after a letter or digit (12" screen) is not an opening quote
                if ((c == '"' && (i == 0 || !char.IsLetterOrDigit(body[i - 1]))) || IsDoubleOpen(c))
                {
                    open = i;
                    firstOpen = i;
                    single = false;
                    startParagraph = paragraph;
                }
                else if ((c == '\'' || c == '\u2018') && OpensSingle(body, i))
                {
                    open = i;
                    firstOpen = i;
                    single = true;
                    startParagraph = paragraph;
                }
                continue;
            }
            if (!single)
            {
                // inside curly marks a straight mark is nested ("He said "no" to me") unless no curly close follows
                bool curlyOpen = body[open] != '"';
                // „low-high“ (German style) closes with the mark English uses to open
                bool lowOpenClosed = body[open] == '\u201E' && c == '\u201C';
                if (IsDoubleClose(c) || lowOpenClosed || (c == '"' && (!curlyOpen || !CurlyCloseFollows(body, i + 1))))
                {
                    parts.Add((open + 1, i));
                    Complete(body, result, firstOpen, i, parts, startParagraph);
                    open = -1;
                    parts.Clear();
                }
                else if (IsDoubleOpen(c))
                {
                    // a second opening mark without a close: the first one was stray
                    open = i;
                    firstOpen = i;
                    parts.Clear();
                }
                continue;
            }
            // inside single marks
            if (c == '"' || IsDoubleOpen(c) || IsDoubleClose(c))
            {
                // a double mark inside a single-quoted stretch: the single mark was an apostrophe
                open = -1;
                parts.Clear();
                i--;
                continue;
            }
            if ((c == '\'' || c == '\u2019') && ClosesSingle(body, i) && !(LooksPossessive(body, i) && LaterCloseInParagraph(body, i + 1)))
            {
                parts.Add((open + 1, i));
                Complete(body, result, firstOpen, i, parts, startParagraph);
                open = -1;
                parts.Clear();
            }
        }
        if (open >= 0 && !single)
        {
            parts.Add((open + 1, n));
            Complete(body, result, firstOpen, n, parts, startParagraph);
        }
        return result;
    }

    private static bool OpensSingle(string s, int i)
    {
        bool prevOk = i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] is '(' or '[' or '\u2014' or '\u2013' or '-' or '"' or '\u201C';
        return prevOk && i + 1 < s.Length && char.IsLetterOrDigit(s[i + 1]);
    }

    /// <summary>A curly closing mark follows within the paragraph (bounded look-ahead keeps the scan linear).</summary>
    private static bool CurlyCloseFollows(string s, int from)
    {
        int end = Math.Min(s.Length, from + 400);
        for (int k = from; k < end; k++)
        {
            if (s[k] == '\n')
            {
                return false;
            }
            if (IsDoubleClose(s[k]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"the farmers' union": an apostrophe after a plural, followed by a lower-case word, no punctuation before.</summary>
    private static bool LooksPossessive(string s, int i)
    {
        if (i < 1 || s[i - 1] != 's' || i + 2 >= s.Length || s[i + 1] != ' ')
        {
            return false;
        }
        return char.IsLower(s[i + 2]);
    }

    /// <summary>Another closing single mark follows within the paragraph (bounded look-ahead keeps the scan linear).</summary>
    private static bool LaterCloseInParagraph(string s, int from)
    {
        int end = Math.Min(s.Length, from + 400);
        for (int k = from; k < end; k++)
        {
            if (s[k] == '\n')
            {
                return false;
            }
            if ((s[k] == '\'' || s[k] == '\u2019') && ClosesSingle(s, k) && !LooksPossessive(s, k))
            {
                return true;
            }
        }
        return false;
    }

    private static bool ClosesSingle(string s, int i)
    {
        if (i == 0 || char.IsWhiteSpace(s[i - 1]))
        {
            return false;
        }
        if (i + 1 >= s.Length)
        {
            return true;
        }
        char nx = s[i + 1];
        return char.IsWhiteSpace(nx) || nx is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '\u2014' or '\u2013' or '"' or '\u201D';
    }

    private static void Complete(string body, List<QuoteSpan> result, int open, int close, List<(int Start, int End)> parts, int paragraph)
    {
        int words = 0;
        foreach (var (s, e) in parts)
        {
            bool inWord = false;
            for (int k = s; k < e; k++)
            {
                bool ws = char.IsWhiteSpace(body[k]);
                if (!ws && !inWord)
                {
                    words++;
                }
                inWord = !ws;
            }
        }
        if (words == 0)
        {
            return; // empty pairs (a run of quote marks) carry nothing
        }
        var q = new QuoteSpan { Open = open, Close = close, WordCount = words, Paragraph = paragraph };
        if (words >= MinWords)
        {
            var texts = new List<string>(parts.Count);
            foreach (var (s, e) in parts)
            {
                var t = body[s..e].Trim();
                if (t.Length > 0)
                {
                    texts.Add(t);
                }
            }
            q.Text = string.Join(' ', texts);
            var last = q.Text.Length > 0 ? q.Text[^1] : ' ';
            q.EndsSentence = last is '.' or '!' or '?';
        }
        int cs = parts[0].Start;
        int ce = parts[^1].End;
        while (cs < ce && char.IsWhiteSpace(body[cs]))
        {
            cs++;
        }
        while (ce > cs && char.IsWhiteSpace(body[ce - 1]))
        {
            ce--;
        }
        q.ContentStart = cs;
        q.ContentEnd = ce;
        result.Add(q);
    }
}
