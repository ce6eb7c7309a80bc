using System.Text;
using System.Text.RegularExpressions;
using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Input;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>The article separated from its noise, with the metadata the noise carried.</summary>
internal sealed class CleanDocument
{
    public string Title { get; set; } = "";
    public string PublishedAt { get; set; } = "";
    public string UpdatedAt { get; set; } = "";
    public string Source { get; set; } = "";
    public string Byline { get; set; } = "";
    public string Dateline { get; set; } = "";
    public List<string> Paragraphs { get; } = [];
    public List<RemovedLine> Removed { get; } = [];
}

/// <summary>
/// Boilerplate removal and metadata (GUIDELINES section 1 and 2), in three zones: the head (header, title,
/// byline, captions before the first paragraph), the body (lines that are noise wherever they stand, and
/// repeated paragraphs) and the tail (from the first end marker after the last real paragraph: sign-offs,
/// disclaimers, paywall boxes and price lists).
/// </summary>
internal static class DocumentCleaner
{
    private const RegexOptions Opt = RegexOptions.Compiled | RegexOptions.CultureInvariant;

    // "BEIJING - ...", "WASHINGTON (Reuters) - ...", "NEW DELHI, March 1 (IANS) - ..."
    private static readonly Regex UpperDateline = new(
        @"^(?<city>\p{Lu}[\p{Lu}.' -]{1,40}?)\s*(,[^-–—(\r\n]{1,40})?\s*(\((?<agency>[^)]{1,40})\))?\s*(-{1,2}|–|—|:)\s", Opt);

    // "Beijing, March 1 (Xinhua) -- ..."
    private static readonly Regex TitleDateline = new(
        @"^(?<city>\p{Lu}[\p{L}.' ]{1,30}?)(\s*[(\[][\p{L}.' ]{1,30}[)\]]){0,2}\s*,\s*[^(\r\n]{1,30}?\s*\((?<agency>[^)]{1,40})\)\s*(-{1,2}|–|—|:)\s", Opt);

    // "(CNN)North Korea has ...", "(Reuters) - ..."
    private static readonly Regex CreditPrefix = new(@"^\((?<agency>\p{Lu}[\w .&-]{1,30})\)\s*(-{1,2}|–|—)?\s*\S", Opt);

    // "Trade Ministry Spokesperson Elena Varga's Regular Press Conference on March 14, 2023"
    private static readonly Regex TranscriptHeading = new(
        @"(press conference|press briefing|news conference|news briefing|media briefing|briefing|remarks|transcript|interview|press release)",
        Opt | RegexOptions.IgnoreCase);

    private static readonly Regex SpokespersonOf = new(
        @"(^|\s)(?<body>(the\s+)?(\p{Lu}[\w'&.-]*\s+(of\s+|and\s+|for\s+)?){1,8}?)([Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman|[Ss]pokespeople|[Pp]ress [Ss]ecretary|SPOKESPERSON|SPOKESMAN)\b",
        Opt);

    public static CleanDocument Clean(SourceDocument doc)
    {
        var lines = doc.Lines;
        int n = lines.Count;
        var result = new CleanDocument();
        var reason = new string?[n];
        var strong = new string?[n];
        // Word counts are asked for several times per line (rules, zones, look-aheads): counted once here.
        var words = new int[n];
        for (int i = 0; i < n; i++)
        {
            if (lines[i].Length == 0) continue;
            words[i] = WordCounter.Count(lines[i]);
            strong[i] = LineRules.Classify(lines[i], words[i]);
        }

        DateOnly? published = null, updated = null;
        // Header parses are looked up repeatedly (head zone, look-aheads, body zone); parse each line once.
        var headers = new HeaderInfo?[n];
        var headerParsed = new bool[n];
        HeaderInfo? HeaderAt(IReadOnlyList<string> all, int i, HeaderInfo?[] cache)
        {
            if (!headerParsed[i])
            {
                cache[i] = LineRules.TryParseHeader(all[i]);
                headerParsed[i] = true;
            }
            return cache[i];
        }
        string headerSource = "", bylineSource = "", creditSource = "", signoffSource = "", headingSource = "";

        bool IsMetaLine(int j) => HeaderAt(lines, j, headers) is not null || LineRules.TryParseByline(lines[j], out _, out _);

        bool TryMeta(int i)
        {
            var line = lines[i];
            if (HeaderAt(lines, i, headers) is { } h)
            {
                reason[i] = Reasons.Header;
                published ??= h.Published;
                updated ??= h.Updated;
                if (headerSource.Length == 0) headerSource = h.Source;
                return true;
            }
            if (LineRules.TryParseByline(line, out var byline, out var src))
            {
                reason[i] = Reasons.Byline;
                if (result.Byline.Length == 0) result.Byline = byline;
                if (bylineSource.Length == 0) bylineSource = src;
                return true;
            }
            if (LineRules.TryParseAgencyPlace(line, out var agency))
            {
                reason[i] = Reasons.Byline;
                if (bylineSource.Length == 0) bylineSource = agency;
                return true;
            }
            // A credit line that is only an agency name ("PTI", "(Xinhua)").
            var bare = line.Trim('(', ')', '[', ']', ' ');
            if (bare.Length >= 2 && WordCounter.Count(bare) <= 4 && KnownNames.IsAgency(bare))
            {
                reason[i] = Reasons.Byline;
                if (bylineSource.Length == 0) bylineSource = bare;
                return true;
            }
            return false;
        }

        // Head zone, before the title: header lines, bylines and lines that are noise anywhere.
        int k = 0;
        string mastheadSource = "";
        for (; k < n; k++)
        {
            if (lines[k].Length == 0) continue;
            if (TryMeta(k)) continue;
            // "The Daily Example | World": a masthead with its section names the publisher and is never the headline.
            bool sectionLine = LineRules.IsMastheadSectionLine(lines[k], out var masthead);
            if (sectionLine && masthead.Length > 0 && mastheadSource.Length == 0) mastheadSource = masthead;
            if (strong[k] is { } r) { reason[k] = r; continue; }
            if (sectionLine && (masthead.Length > 0 || NextIsTitleLike(lines, words, k) && !NextIsMeta(lines, k, IsMetaLine)))
            {
                reason[k] = Reasons.Navigation;
                continue;
            }
            // A masthead above the header ("China Daily" then "Updated: ..."), or above a headline that a header or
            // byline follows, is the publisher, not the headline.
            if (words[k] <= 4 && KnownNames.LooksLikePublisher(lines[k])
                && (NextIsMeta(lines, k, IsMetaLine) || words[k] >= 2 && !Words.EndsWithTerminal(lines[k]) && !KnownNames.IsSectionName(lines[k])
                    && HeadlineThenMeta(lines, words, strong, k, 3, IsMetaLine)))
            {
                reason[k] = Reasons.Navigation;
                if (mastheadSource.Length == 0) mastheadSource = lines[k];
                continue;
            }
            // The name of an issuing body alone above the menu and the dated header of its release ("Example Health
            // Organization", then "Home | Topics | ...", then "22 July 2026 | News release"): the publisher's masthead.
            if (words[k] is >= 2 and <= 5 && !Words.EndsWithTerminal(lines[k]) && LineRules.IsCapitalisedName(lines[k], 5)
                && !KnownNames.IsSectionName(lines[k]) && NextIsHeaderAfterChrome(lines, strong, k, j => HeaderAt(lines, j, headers) is not null))
            {
                reason[k] = Reasons.Navigation;
                if (mastheadSource.Length == 0) mastheadSource = lines[k];
                continue;
            }
            // Any other short name line or kicker above a headline that a byline or header follows ("The Example",
            // "ANALYSIS") is page chrome too: the headline is the line the byline belongs to. Not being a known
            // publisher shape, it does not name the source (a copyright footer may).
            if (doc.Hints.Title.Length == 0 && words[k] <= 4 && !Words.EndsWithTerminal(lines[k])
                && LineRules.IsCapitalisedName(lines[k], 4) && HeadlineThenMeta(lines, words, strong, k, 1, IsMetaLine))
            {
                reason[k] = Reasons.Navigation;
                continue;
            }
            break;
        }

        // Title.
        var hintTitle = doc.Hints.Title.Trim();
        bool hasTitle = false;
        if (hintTitle.Length > 0)
        {
            result.Title = hintTitle;
            hasTitle = true;
            int limit = Math.Min(n, k + 40);
            for (int j = k; j < limit; j++)
            {
                if (lines[j].Length == 0 || reason[j] is not null) continue;
                if (!SameText(lines[j], hintTitle)) continue;
                // Lines above the headline in the page are site chrome.
                for (int a = k; a < j; a++)
                    if (lines[a].Length > 0 && reason[a] is null && !TryMeta(a)) reason[a] = strong[a] ?? Reasons.Navigation;
                reason[j] = Reasons.Title;
                k = j + 1;
                break;
            }
        }
        else if (k < n && IsTitleLike(lines[k], words[k]) && !(k + 1 < n && lines[k + 1].Length > 0 && char.IsLower(lines[k + 1][0])))
        {
            result.Title = lines[k];
            hasTitle = true;
            reason[k] = Reasons.Title;
            if (TryTranscriptHeading(lines[k], out var date, out var body))
            {
                published ??= date;
                headingSource = body;
            }
            k++;
        }

        // Head zone after the title: header, byline, captions and CMS debris before the first paragraph.
        int standfirst = -1;
        if (hasTitle)
        {
            bool metaSeen = false;
            for (; k < n; k++)
            {
                var line = lines[k];
                if (line.Length == 0 || reason[k] is not null) continue;
                if (TryMeta(k)) { metaSeen = true; continue; }
                if (strong[k] is { } r) { reason[k] = r; continue; }
                if (IsBareCaption(lines, k, words[k])) { reason[k] = Reasons.Caption; continue; }
                // Between the byline or date line and the first paragraph, a short line that does not end like a
                // sentence, or a name placed "in"/"at" somewhere without a verb, is a photo caption.
                // A hard-wrapped paragraph continues on the next line in lower case: its first line is no caption.
                bool wrapped = k + 1 < n && lines[k + 1].Length > 0 && char.IsLower(lines[k + 1][0]);
                if (metaSeen && !wrapped && (IsUnterminatedCaption(line, words[k]) || IsNamePlacedCaption(line, words[k]))) { reason[k] = Reasons.Caption; continue; }
                if (words[k] <= 8 && !Words.EndsWithTerminal(line) && !IsTranscriptMarker(line) && !IsDatelineOnly(line))
                {
                    reason[k] = Reasons.Navigation;
                    continue;
                }
                // A standfirst between the headline and the byline or date stays in the text, and the head goes on.
                if (words[k] <= 40 && MetaFollows(lines, k, 3, IsMetaLine))
                {
                    if (standfirst < 0) standfirst = k;
                    continue;
                }
                break;
            }
        }
        int bodyStart = standfirst >= 0 ? standfirst : k;

        // Body zone: lines that are noise wherever they stand.
        for (int i = bodyStart; i < n; i++)
        {
            if (lines[i].Length == 0 || reason[i] is not null) continue;
            if (strong[i] is { } r)
            {
                reason[i] = r;
                if (r == Reasons.Signoff && LineRules.IsSignoff(lines[i], out var s) && s.Length > 0 && signoffSource.Length == 0)
                    signoffSource = s;
                continue;
            }
            // Header and byline lines are short and rarely end like a sentence.
            if (words[i] <= 20 && !(words[i] >= 10 && Words.EndsWithTerminal(lines[i])) && TryMeta(i)) continue;
        }

        // Tail zone: from the first end marker after the last substantial paragraph, everything is noise.
        int lastSubstantial = -1;
        for (int i = n - 1; i >= bodyStart; i--)
        {
            if (reason[i] is null && lines[i].Length > 0 && IsSubstantial(lines[i], words[i])) { lastSubstantial = i; break; }
        }
        int tailStart = -1;
        for (int i = Math.Max(lastSubstantial + 1, bodyStart); i < n; i++)
        {
            if (reason[i] is Reasons.Signoff or Reasons.DeskCode or Reasons.Disclaimer or Reasons.Paywall or Reasons.Link or Reasons.Navigation) { tailStart = i; break; }
        }
        if (tailStart >= 0)
        {
            string last = reason[tailStart]!;
            for (int i = tailStart; i < n; i++)
            {
                if (lines[i].Length == 0) continue;
                if (reason[i] is { } r) { last = r is Reasons.Signoff or Reasons.DeskCode ? Reasons.Paywall : r; continue; }
                reason[i] = last == Reasons.Disclaimer ? Reasons.Paywall : last;
            }
        }

        // Paragraphs: one per line, except that a hard-wrapped line continues when the next starts in lower case.
        // Most paragraphs are one line: that line's string is the paragraph, and only wrapped ones are joined.
        var paragraphs = new List<(string Text, int Line)>();
        StringBuilder? joined = null;
        string? single = null;
        int currentLine = -1;
        int previous = -2;
        void Flush()
        {
            if (joined is { Length: > 0 }) paragraphs.Add((joined.ToString(), currentLine));
            else if (single is not null) paragraphs.Add((single, currentLine));
            joined?.Clear();
            single = null;
        }
        for (int i = bodyStart; i < n; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || reason[i] is not null) continue;
            bool continues = single is not null && previous == i - 1 && char.IsLower(line[0]) && !Words.EndsWithTerminal(lines[previous]);
            if (continues)
            {
                joined ??= new StringBuilder();
                if (joined.Length == 0) joined.Append(single);
                joined.Append(' ').Append(line);
            }
            else
            {
                Flush();
                single = line;
                currentLine = i;
            }
            previous = i;
        }
        Flush();

        // A scraped page often repeats the headline as the first line of the text.
        if (result.Title.Length > 0)
        {
            var titleKey = Words.SequenceHash(result.Title);
            paragraphs.RemoveAll(p =>
            {
                if (p.Text.Length > result.Title.Length + 8 || Words.SequenceHash(p.Text) != titleKey) return false;
                reason[p.Line] = Reasons.Title;
                return true;
            });
        }

        // The masthead repeated as a line of its own further down the page (above a footer or a related-links box).
        if (mastheadSource.Length > 0)
        {
            var mastKey = Words.SequenceHash(mastheadSource);
            paragraphs.RemoveAll(p =>
            {
                if (p.Text.Length > mastheadSource.Length + 4 || Words.SequenceHash(p.Text) != mastKey) return false;
                reason[p.Line] = Reasons.Navigation;
                return true;
            });
        }

        // Repeated paragraphs: keep the first.
        foreach (var (text, line) in Deduplicator.Filter(paragraphs))
        {
            if (line >= 0) result.Paragraphs.Add(text);
            else reason[-line - 1] = Reasons.Duplicate;
        }

        for (int i = 0; i < n; i++)
        {
            if (reason[i] is { } r)
                result.Removed.Add(new RemovedLine { Line = i + 1, Text = lines[i], Reason = r });
        }

        // Dateline, and the agency credit some datelines carry ("WASHINGTON (Reuters) -").
        if (result.Paragraphs.Count > 0)
        {
            var first = result.Paragraphs[0];
            var m = UpperDateline.Match(first.Length > 200 ? first[..200] : first);
            if (m.Success && !m.Groups["city"].Value.Any(char.IsLower) && m.Groups["city"].Value.Trim().Length >= 2)
            {
                result.Dateline = m.Groups["city"].Value.Trim().TrimEnd('.', ',').Trim();
                creditSource = m.Groups["agency"].Value.Trim();
            }
            else if (TitleDateline.Match(first.Length > 200 ? first[..200] : first) is { Success: true } titled)
            {
                result.Dateline = titled.Groups["city"].Value.Trim();
                creditSource = titled.Groups["agency"].Value.Trim();
            }
            else if (CreditPrefix.Match(first.Length > 200 ? first[..200] : first) is { Success: true } credit)
            {
                creditSource = credit.Groups["agency"].Value.Trim();
            }
            if (creditSource.Length > 0 && !KnownNames.LooksLikePublisher(creditSource)) creditSource = "";
        }

        // A page that states only when it was updated ("Updated: 2019-03-01 09:51") is dated by that.
        published ??= updated;
        result.PublishedAt = published is { } p ? DateParser.Format(p) : NormalizeDate(doc.Hints.PublishedAt);
        result.UpdatedAt = updated is { } u ? DateParser.Format(u) : NormalizeDate(doc.Hints.UpdatedAt);
        // Footers name the publisher last: "© 2025 The Daily Example. All rights reserved.", or the masthead
        // repeated as the closing line of the page.
        string footerSource = "";
        for (int i = n - 1, seen = 0; i >= 0 && seen < 12 && footerSource.Length == 0; i--)
        {
            if (lines[i].Length == 0) continue;
            if (seen == 0 && reason[i] is not null && words[i] is >= 2 and <= 5 && !Words.EndsWithTerminal(lines[i])
                && KnownNames.LooksLikePublisher(lines[i]) && !KnownNames.IsSectionName(lines[i]) && IsPlainName(lines[i]))
                footerSource = lines[i];
            // A photo's copyright ("© Example Images") credits the photographer, not the publisher.
            else if (reason[i] is not null and not Reasons.Caption && LineRules.TryCopyrightHolder(lines[i], out var holder))
                footerSource = holder;
            seen++;
        }
        result.Source = FirstNonEmpty(headerSource, bylineSource, creditSource, signoffSource, mastheadSource, doc.Hints.Source, footerSource, headingSource);
        if (result.Byline.Length == 0) result.Byline = doc.Hints.Byline;
        return result;
    }

    private static bool MetaFollows(IReadOnlyList<string> lines, int index, int within, Func<int, bool> isMeta)
    {
        for (int j = index + 1, seen = 0; j < lines.Count && seen < within; j++)
        {
            if (lines[j].Length == 0) continue;
            seen++;
            if (isMeta(j)) return true;
        }
        return false;
    }

    /// <summary>Capitalised words and nothing else ("Northshore Evening Post"; not "READ MORE: Example Post").</summary>
    private static bool IsPlainName(string line) =>
        LineRules.IsCapitalisedName(line, 5) && line.All(c => char.IsLetter(c) || c is ' ' or '&' or '\'' or '’' or '-' or '.');

    private static int NextNonEmpty(IReadOnlyList<string> lines, int index)
    {
        for (int j = index + 1; j < lines.Count; j++)
            if (lines[j].Length > 0) return j;
        return -1;
    }

    private static bool NextIsTitleLike(IReadOnlyList<string> lines, int[] words, int index) =>
        NextNonEmpty(lines, index) is >= 0 and var j && IsTitleLike(lines[j], words[j]);

    /// <summary>
    /// The next line that is not noise reads as a headline, longer than this line, and a header or byline line
    /// follows it within <paramref name="within"/> lines (a standfirst may stand between).
    /// </summary>
    private static bool HeadlineThenMeta(IReadOnlyList<string> lines, int[] words, string?[] strong, int index, int within, Func<int, bool> isMeta)
    {
        int j = index + 1;
        while (j < lines.Count && (lines[j].Length == 0 || strong[j] is not null)) j++;
        return j < lines.Count && IsTitleLike(lines[j], words[j]) && words[j] > words[index] && MetaFollows(lines, j, within, isMeta);
    }

    /// <summary>The next line that is not page chrome (menu rows, breadcrumbs) is a dated header line.</summary>
    private static bool NextIsHeaderAfterChrome(IReadOnlyList<string> lines, string?[] strong, int index, Func<int, bool> isHeader)
    {
        int limit = Math.Min(lines.Count, index + 8);
        for (int j = index + 1; j < limit; j++)
        {
            if (lines[j].Length == 0 || strong[j] == Reasons.Navigation) continue;
            return isHeader(j);
        }
        return false;
    }

    private static bool NextIsMeta(IReadOnlyList<string> lines, int index, Func<int, bool> isMeta)
    {
        for (int j = index + 1; j < lines.Count; j++)
        {
            if (lines[j].Length == 0) continue;
            return isMeta(j);
        }
        return false;
    }

    private static string FirstNonEmpty(params string[] values)
    {
        foreach (var v in values)
            if (!string.IsNullOrWhiteSpace(v)) return v.Trim();
        return "";
    }

    private static string NormalizeDate(string value)
    {
        if (value.Length >= 10 && DateOnly.TryParseExact(value[..10], "yyyy-MM-dd", out var d)) return DateParser.Format(d);
        return DateParser.FirstFullDate(value, out _, out _) is { } f ? DateParser.Format(f) : "";
    }

    private static bool SameText(string a, string b) =>
        Words.SequenceHash(a) == Words.SequenceHash(b);

    /// <summary>A headline (of <paramref name="words"/> words): a short line that is not a sentence ending in a full stop or a list of clauses.</summary>
    internal static bool IsTitleLike(string line, int words)
    {
        if (words < 2 || words > 30 || line.Length > 250) return false;
        if (IsTranscriptMarker(line)) return false;
        var last = line[^1];
        if (last is ',' or ';' or ':') return false;
        if (last == '.' && !line.EndsWith("...", StringComparison.Ordinal)) return false;
        if (UpperDateline.IsMatch(line) && line.Length > 60) return false;
        return true;
    }

    internal static bool IsTranscriptMarker(string line) =>
        line.Length >= 2 && (line[0] is 'Q' or 'A') && line[1] == ':'
        || line.StartsWith("Question:", StringComparison.Ordinal) || line.StartsWith("Answer:", StringComparison.Ordinal);

    private static bool IsDatelineOnly(string line) => line.Length <= 40 && UpperDateline.IsMatch(line + " ");

    /// <summary>A dated transcript heading gives the publication date and the issuing body.</summary>
    internal static bool TryTranscriptHeading(string title, out DateOnly? date, out string issuingBody)
    {
        date = null;
        issuingBody = "";
        if (!TranscriptHeading.IsMatch(title)) return false;
        date = DateParser.FirstFullDate(title, out _, out _);
        if (date is null) return false;
        var m = SpokespersonOf.Match(title);
        if (m.Success)
        {
            issuingBody = m.Groups["body"].Value.Trim();
            // "Daily Briefing of the Example Agency Spokesperson": the body is what follows the event words.
            for (int of = issuingBody.IndexOf(" of ", StringComparison.OrdinalIgnoreCase); of > 0;
                 of = issuingBody.IndexOf(" of ", of + 4, StringComparison.OrdinalIgnoreCase))
            {
                if (!TranscriptHeading.IsMatch(issuingBody.AsSpan(0, of))) continue;
                issuingBody = issuingBody[(of + 4)..].Trim();
                break;
            }
            if (issuingBody.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) issuingBody = issuingBody[4..];
        }
        else
        {
            int apostrophe = title.IndexOf("'s ", StringComparison.Ordinal);
            if (apostrophe > 0)
            {
                var owner = title[..apostrophe].Trim();
                if (KnownNames.LooksLikePublisher(owner) || owner.Contains("Ministry") || owner.Contains("Department") || owner.Contains("Office"))
                    issuingBody = owner;
            }
        }
        return true;
    }

    /// <summary>
    /// A caption without marker right under the headline: a line repeated next to itself, or a short
    /// name-and-role phrase without a verb ("Finnish Environment Ministry spokesperson Aino Virtanen.").
    /// </summary>
    private static bool IsBareCaption(IReadOnlyList<string> lines, int index, int words)
    {
        var line = lines[index];
        if (words > 30) return false;
        int seen = 0;
        for (int j = Math.Max(0, index - 6); j < Math.Min(lines.Count, index + 7); j++)
        {
            if (j != index && lines[j].Length > 0 && lines[j] == line) return true;
            if (lines[j].Length > 0) seen++;
        }
        if (words > 14) return false;
        int lower = 0;
        foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = w.Trim('"', '\'', '“', '”', '(', ')', ',', '.');
            if (t.Length == 0) continue;
            if (Verbs.Contains(t)) return false;
            if (char.IsLower(t[0]) && !NameConnectors.Contains(t)) lower++;
        }
        return lower <= 2 && (words <= 3 || lower < words / 2);
    }

    private static bool IsUnterminatedCaption(string line, int words)
    {
        return words is > 8 and <= 25 && !Words.EndsWithTerminal(line) && !IsTranscriptMarker(line) && !IsDatelineOnly(line)
            && line[^1] is not (':' or ',' or ';' or '"' or '”' or '\'' or '’');
    }

    // "Dr Jane Roe in her office at the Example Institute.", "Fans outside the stadium on Sunday.": two to five
    // capitalised words, then a place preposition.
    private static readonly Regex NamePlaced = new(@"^(\p{Lu}[\p{L}'’.-]*\s){2,5}(in|at|outside|inside|during|beside|near|on)\s", Opt);

    private static bool IsNamePlacedCaption(string line, int words)
    {
        if (words > 16 || !NamePlaced.IsMatch(line) || line.Contains('"') || line.Contains('“')) return false;
        string previous = "";
        foreach (var w in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var t = w.Trim('"', '\'', '“', '”', '(', ')', ',', '.', ';', ':');
            if (t.Length == 0) continue;
            // A finite verb makes it a sentence of the article; "the damaged wall" is an adjective.
            if (Verbs.Contains(t) || PastVerbs.Contains(t)) return false;
            if (t.Length > 4 && t.EndsWith("ed", StringComparison.Ordinal) && char.IsLower(t[0]) && !Determiners.Contains(previous)) return false;
            previous = t;
        }
        return true;
    }

    // Frequent irregular past-tense verbs of news English (a sentence "Jane Roe in Lyon won ..." is not a caption).
    private static readonly HashSet<string> PastVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "won", "lost", "rose", "fell", "made", "took", "gave", "went", "came", "met", "led", "left", "held", "kept", "saw",
        "got", "ran", "hit", "set", "put", "cut", "paid", "sold", "bought", "built", "sent", "spent", "began", "became",
        "fought", "thought", "brought", "struck", "beat", "broke", "chose", "drove", "flew", "grew", "knew", "shot",
        "spoke", "stood", "threw", "wrote", "found", "felt", "heard", "lay", "meant", "said", "told", "says", "tells",
        // Present-tense verbs of sports and diary ledes ("City on Saturday face ...").
        "take", "takes", "face", "faces", "meet", "meets", "host", "hosts", "play", "plays", "win", "wins", "lose", "loses",
        "begin", "begins", "open", "opens", "head", "heads", "go", "goes",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "newly", "recently",
    };

    private static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal) { "of", "and", "the", "for", "de", "van", "von", "al", "bin" };

    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "says", "say", "will", "would", "can",
        "could", "may", "might", "must", "should", "do", "does", "did", "told", "urged", "urges", "called", "calls",
    };

    /// <summary>A paragraph with the shape of article text rather than a box label.</summary>
    private static bool IsSubstantial(string line, int words)
    {
        if (IsTranscriptMarker(line)) return words >= 4;
        return words >= 10 && Words.EndsWithTerminal(line);
    }
}
