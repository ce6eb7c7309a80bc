using System.Buffers;
using System.Text.RegularExpressions;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Cleaning;

/// <summary>What a header line states: "Xinhua Published: 2019-03-01 21:09:55", "Published: ... | Updated: ...".</summary>
internal sealed record HeaderInfo(string Source, DateOnly? Published, DateOnly? Updated);

/// <summary>
/// Rules that recognise a boilerplate line on its own, wherever it occurs. The patterns use bounded quantifiers
/// without nesting and only ever see lines of at most 600 characters (headers 250), so backtracking work per line
/// is bounded by a constant and classification stays linear in the input. Compiled, since every line meets them.
/// </summary>
internal static class LineRules
{
    private const RegexOptions Opt = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private const RegexOptions OptI = Opt | RegexOptions.IgnoreCase;

    private static readonly Regex HeaderKeyword = new(
        @"(^|\s|\|)(Published|Posted|Updated|Last updated|Last modified|First published|Modified|Date)(\s+(on|at))?\s*:?\s*", OptI);

    private static readonly Regex BylineRegex = new(@"^(By|BY|Written by|Words by|Story by|Reported by)\s+(?<name>[A-Z\p{Lu}].{0,100})$", Opt);

    private static readonly Regex CaptionMarker = new(
        @"(\[\s*(photo|image|picture|video)[^\]]{0,80}\])|(\(\s*(\w+\s+){0,2}(photo|photos|image|picture|file photo|file)\s*(/|:|\)|by\b|credit))|" +
        @"(^(photo|photos|image|picture|file photo|photograph|caption|pic|video grab|screengrab)\s*(:|/|\||-|–))|(^file (photo|image|picture)\b)|" +
        @"(getty images|photo credit|image credit|image source|\(photo\)|\(file\)|/\s*afp\s*photo|afp photo|ap photo|reuters/|xinhua/|/xinhua|photo/)|" +
        @"\b(photo|photograph|image|picture|pic)s?\s*:\s*\S[^.]{0,60}$|\bin this (undated |file |handout |recent )?(photo|picture|image|video grab)|" +
        @"\b(via|/)\s*(reuters|ap|afp|getty|epa|xinhua|kcna|yonhap)\s*\)?\.?$|\bhandout (photo|picture|image|via)|" +
        // "... at the plant. Credit: Example Times/Jane Roe": a credit at the end of the line names the photographer.
        @"(^\(?|[.)]\s{1,3}\(?|\s\()(credit|credits|photo credit|courtesy)\s*:\s*[^.]{1,80}$",
        OptI);

    // A caption closed by a credit "(Example News: Jane Roe)" right after its sentence.
    private static readonly Regex OrgNameCredit = new(@"[.!?]\s{0,2}\(\p{Lu}[\w.&' -]{1,40}:\s?\p{Lu}[\w.'’ -]{1,40}\)$", Opt);

    private static readonly Regex LinkLine = new(
        @"^(also read|read also|read more|more|related|related stories|related story|related news|related articles|related content|see also|" +
        @"related (media|video|videos|links|documents|files|galleries|audio|coverage|topics|posts)|" +
        @"recommended|suggested|watch|listen|trending|must read|don't miss|read next|up next|top stories|latest news|more news|more stories|editor's picks|" +
        @"you may also like|you might also like|also see|also watch)\s*(:|\||-|–|—|>|»)|^click here\b|^(https?://|www\.)\S+$|" +
        @"^(related (articles|stories|news|content|coverage|topics|links|posts)|more (from|on|in) [\w .&'-]{1,40}|recommended( for you)?|most (read|popular|viewed|shared)|" +
        @"trending( now| stories)?|latest (news|stories|articles)|top stories|you may also like|you might also like|read next|what to read next|further reading|editor's picks|" +
        @"explore more on (these|this) topics?|more on (this|these) (story|stories|topics?)|(see|view) (all|more) (stories|articles|news))\s*:?$|" +
        @"^download (the|our) [\w' -]{1,40} app\b",
        OptI);

    private static readonly Regex NavigationAnywhere = new(
        @"(^|\s)(cms|skip to (main )?content|toggle navigation|main menu|back to top|jump to|open menu|close menu)($|\s)", OptI);

    private static readonly Regex Navigation = new(
        @"^(home|menu|search|share|share this|share this article|share (the )?(article|story|page|post)|share on|tweet|print|email|comments?|advertisement|sponsored|" +
        @"scroll to continue|continue reading|story continues below|follow us|download (the|our) app|tags|topics|filed under|" +
        @"leave a comment|view comments|add comment|next article|previous article|prev|next|loading|loading\.\.\.)\b\s*(:|$|on|\||-|›|»)|" +
        @"^(follow us on|find us on|like us on|join us on|get the latest)\b|^\d{1,3} min(ute)?s? read$|" +
        // Comment widgets: "Show comments", "Join the conversation", "12 comments", "Be the first to comment".
        @"^(show|hide|load|read|see) (all )?\d{0,5} ?comments?\b|^join the (conversation|discussion|debate)\b|^\d{1,5} comments?$|" +
        @"^be the first to comment\b|^leave a reply\b|^comments (are|have been) (closed|disabled|turned off)\b|" +
        // Release labels, contact blocks and relative time stamps: "Press release", "Media contacts",
        // "Tel: +1 555 0100", "Posted 5h ago, updated 1h ago".
        @"^(news|press|media) release$|^for immediate release$|^(media|press) (contacts?|enquiries|inquiries)\s*:?$|" +
        @"^(tel|phone|telephone|mobile|fax)\s*[:.]\s*\+?[\d ()-]{6,24}$|" +
        @"^(first )?(posted|updated|published)\s+\d{1,3}\s?(s|m|h|d|mins?|hrs?|hours?|days?|minutes?|seconds?) ago|" +
        @"^(updated|published|posted)?\s*\d{1,3} (seconds?|minutes?|mins?|hours?|hrs?|days?) ago$|^page \d{1,3} of \d{1,3}$|^(next|previous) page$|" +
        @"^listen to (this|the) (article|story)|^(print|email) this (article|story|page)$|" +
        @"^\W{0,2}(print( this)?( page)?|close( this)?( window)?|font size|text size|bookmark|top of page|return to top)\W{0,2}(?>\s*\W{0,2}(print|close|large|medium|small|share|email)\W{0,2})*$|" +
        // Media player chrome scraped as text: "Video PlayerClose", "Audio player", "Play Video".
        @"^(video|audio|media) ?player\s*(close|loading)?$|^(play|watch) (video|now)$|" +
        // Page tools: "Text size: A A A", "Font size A- A+", "Print-friendly version", "Download PDF".
        @"^(text|font)[ -]?size\s*:?(\s{1,3}[aA][+-]?){1,5}$|^(print|printer)[ -]?(friendly|version)( (pdf|version|page))?$|^(download|save)( as)? (pdf|the pdf)$|^(pdf|print|email)( \| (pdf|print|email)){1,3}$",
        OptI);

    // Atomic groups: each word is matched once, so a line of many words and spaces cannot make the engine backtrack.
    private static readonly Regex SocialWords = new(
        @"^(?>share( this( page| article| story| post)?)?\s*:\s*)?(?>(?>comments?\s*\(\d{1,6}\)|share on|share via|share|tweet|facebook|twitter|x|whatsapp|linkedin|email|e-mail|print|pinterest|reddit|telegram|copy link|copy|save|comments|comment|" +
        @"instagram|youtube|flipboard|messenger|sms|link)(?>\s*[|•·,/]?\s*))+$", OptI);

    // Phrases that only paywalls and sign-up boxes use.
    private static readonly Regex PaywallStrong = new(
        @"\{\{[^}]{0,60}\}\}|subscribe (now|today|to (read|continue|unlock|get|our))|already (a )?(subscribed|subscriber|a member)|" +
        @"free articles?|paywall|unlimited access|cancel any ?time|renews? automatically|\blog ?in to\b|\bsign ?in to (read|continue)|" +
        @"(digital|premium) subscription|create (a free |an )?account|become a (member|subscriber)|support (our|independent) journalism|" +
        @"premium (stories|content|articles|access)|ad-free|start your (free )?trial|subscription plans?|" +
        // Newsletter sign-up forms: the offer, the e-mail field and the consent under it.
        @"^(get|sign up for|subscribe to|receive) (the|our) [^.:]{1,50}newsletters?\b|^(please )?(enter )?(your )?e-?mail( address)?\s*\*?:?$|" +
        @"^sign up (to|for) [^.]{1,60}?(newsletter|delivered (every|each|daily|weekly|straight|to)|every (weekday|morning|evening|week))\b|" +
        @"^get [^.]{1,50}? (news|stories|headlines|updates|briefings?)( delivered)? (in|to|into|straight to) your inbox\b|" +
        // Channel promos: "Follow the Example Post on WhatsApp and get the news first".
        @"^follow [^.]{1,40}? on (whatsapp|telegram|google news|x|twitter|facebook|instagram|youtube|tiktok|threads|linkedin|bluesky|signal)\b|" +
        @"\bby (subscribing|signing up|registering|clicking)\b[^.]{0,60}\byou (agree|accept|consent)|\bunsubscribe at any time|\bdelivered (straight |directly |free )?to your inbox\b",
        OptI);

    // Cookie and consent banners: the notice (any length, it opens the line) and its buttons (short lines).
    private static readonly Regex ConsentNotice = new(
        @"^(we|this (web)?site|our (web)?sites?|this page)( and our (partners|vendors))? (uses?|may use|store) cookies\b|" +
        @"^by (clicking|continuing|using)\b[^.]{0,80}\b(agree|consent)\b[^.]{0,40}\bcookies\b|" +
        @"^cookies? (policy|notice|consent|settings)\s*:|(^|[.:]\s{1,3})(this|our) (web)?site uses cookies\b|" +
        @"^we (value|care about|respect) your privacy\b|^we and our (\d{1,4} )?(partners|vendors|advertising partners)\b|^do not sell (or share )?my personal (information|data)\b|^your privacy (choices|settings|options)$",
        OptI);

    // Buttons only ("Manage preferences | Accept all"), or a short line about cookies ("Cookie settings"); a headline
    // such as "Ministers reject all calls for an inquiry" is neither.
    private static readonly Regex ConsentButtons = new(
        @"^(?>(?>accept|reject|allow|decline|refuse|agree|i agree|manage|customi[sz]e|got it|ok)" +
        @"(?> all| only| essential| necessary| non-essential| optional| required| my| and close| and continue)?" +
        @"(?> cookies| preferences| settings| choices| options)?\s*[|/·•]?\s*){1,4}$|" +
        @"\bcookies?\b.{0,60}\b(settings|preferences|policy|notice|consent|accept|reject|manage)\b|\b(accept|reject|manage|allow) (all |only )?(essential |necessary |optional )?cookies\b",
        OptI);

    // Words of marketing boxes that ordinary sentences use too: only on short lines that are not sentences.
    private static readonly Regex PaywallWeak = new(
        @"subscri(be|ption|ber)|\blog ?in\b|\bsign ?(in|up)\b|newsletters?|e-?paper|premium|per month|/month|/year|per year|" +
        @"special offer|limited offer|digital (access|edition|plans?|replica)|\bregister\b",
        OptI);

    private static readonly Regex Price = new(
        @"^([₹$€£¥]|rs\.?|inr|usd|eur|gbp)\s?\d[\d,.]*(\s?(/|per)\s?\w+)?$|^\d[\d,.]*\s?([₹$€£¥]|rs\.?|inr|usd|eur|gbp)(\s?(/|per)\s?\w+)?$", OptI);

    private static readonly Regex DisclaimerRegex = new(
        @"^(disclaimer|note to readers|editor's note|editors' note)\b|has not been edited by|auto-generated from a syndicated feed|" +
        @"views expressed (here|in this|by)|^copyright\b|©|all rights reserved|^\(?(except for|only) the headline|" +
        @"^this (article|story|content) (is|was) (published|provided|produced) (by|from|under)|^this (article|story|report) (was|has been|is) (translated|adapted) from\b|reproduced with permission|" +
        @"^our standards\s*:|trust principles",
        OptI);

    // "--IANS", "-- Reuters", "—AP"
    private static readonly Regex DashSignoff = new(@"^([-–—]{1,3}|/)\s*(?<src>[A-Z][\w&.' ]{0,40}?)\s*[-–—]{0,3}$", Opt);

    private static readonly Regex CreditSignoff = new(
        @"^\(?\s*((additional )?reporting|writing|editing|compiled|edited|written|produced|translated|with inputs|inputs) (by|from)\s[^)]{1,200}\)?\.?$|" +
        @"^\(?\s*(ends|end|enditem|###|\*\*\*)\s*\)?$|^[\w.+-]{1,64}@[\w-]{1,63}(\.[\w-]{1,63}){1,4}$|^\[?\s*(editor|web editor|responsible editor|chief editor|translator|reporter|writer)\s*:\s*[^\]]{1,60}\]?$|" +
        @"^[\w .,&'-]{1,160} contributed (reporting )?to this (story|report|article)\.?$",
        OptI);

    // Author notes: "Jane Roe covers transport for the Example Post. Reach her at jroe@example.com." (a contact
    // address or number follows).
    private static readonly Regex AuthorContact = new(
        @"\b(reach|contact|email|follow) (him|her|them) (at|on|via)\s+(@|\+?\d|[\w.+-]{1,64}@)|\bcan be reached at\s+(@|\+?\d|[\w.+-]{1,64}@)", OptI);

    private static readonly string[] AuthorContactTriggers =
        ["reach", "contact", "email", "follow"];

    // A market or score ticker: "FTSE 100 7,650.2 +0.4% | Dow 38,990 -0.2%" - two or more signed changes.
    private static readonly Regex SignedChange = new(@"(^|\s|\()([+\-−]\s?\d{1,6}([.,]\d{1,4})?%|[▲▼]\s?\d{1,6}([.,]\d{1,4})?%?)", Opt);

    private static bool IsTicker(string line)
    {
        if (line.AsSpan().IndexOfAny("+-−▲▼") < 0) return false;
        int count = 0;
        for (var m = SignedChange.Match(line); m.Success && count < 2; m = m.NextMatch()) count++;
        return count >= 2;
    }

    private static readonly Regex ParenAgency = new(@"^\(\s*(?<src>[A-Za-z][\w&.' -]{0,40})\s*\)$", Opt);
    private static readonly Regex SourceLine = new(@"^(source|sources|credit|courtesy)\s*:\s*(?<src>[^|]{1,60})$", OptI);

    // The footer of archived BBC pages and similar syndication notes: "Story from BBC NEWS:".
    private static readonly Regex StoryFrom = new(@"^(story|article|content|report) (from|by|courtesy of) (?<src>[\w .&'-]{1,40}?):?$", OptI);

    private static readonly Regex DeskCode = new(@"^[a-z]{1,6}(/[a-z]{1,6})*/?$", Opt);

    private static readonly Regex Url = new(@"^(https?://|www\.)\S+$", OptI);

    // Literal triggers: a pattern can only match a line holding one of them (or the extra character), so one scan
    // for all of them (TriggerSet) rejects most article lines before any regex runs.
    private static readonly string[] CaptionTriggers =
        ["photo", "image", "picture", "video", "file", "caption", "pic", "getty", "credit", "reuters", "xinhua", "screengrab", "via ", "handout"];
    private static readonly string[] DisclaimerTriggers =
        ["disclaimer", "note to readers", "editor", "edited", "syndicated", "views expressed", "copyright", "rights reserved",
         "headline", "this article", "this story", "this content", "permission", "standards", "principles"];
    // Each alternative of PaywallStrong holds one of these whole (the more specific the literal, the fewer article
    // lines pay for the regex: "trial" alone would gate "industrial", "account" every "accounted for").
    private static readonly string[] PaywallStrongTriggers =
        ["{{", "subscribe ", "already a", "already subscri", "free article", "paywall", "unlimited access", "cancel any",
         "renew automatically", "renews automatically", "log in to", "login to", "sign in to", "signin to", "digital subscription",
         "premium subscription", "create a free account", "create an account", "create account", "become a member",
         "become a subscriber", "support our journalism", "support independent journalism", "premium ", "ad-free",
         "start your free trial", "start your trial", "subscription plan", "newsletter", "email", "e-mail", "sign up ",
         "your inbox", "follow ", "by subscribing", "by signing up", "by registering", "by clicking", "unsubscribe at any time"];
    private static readonly string[] PaywallWeakTriggers =
        ["subscri", "log", "sign", "newsletter", "paper", "premium", "month", "year", "offer", "digital", "register"];
    private static readonly string[] NavigationTriggers =
        ["cms", "skip to", "toggle navigation", "main menu", "back to top", "jump to", "open menu", "close menu"];

    // Every consent notice, and every button row that is not a row of button words, names one of these.
    private static readonly string[] ConsentTriggers =
        ["cookie", "privacy", "partners", "vendors", "do not sell"];

    // The words a row of consent buttons opens with (ConsentButtons' first alternative).
    private static readonly string[] ConsentButtonWords =
        ["accept", "reject", "allow", "decline", "refuse", "agree", "i agree", "manage", "customi", "got it", "ok"];

    // CaptionMarker's alternatives all hold a caption trigger, except two that hold '/': "... /AP" (a wire credit at
    // the end) and "Courtesy: ..." (a line with '/' elsewhere reaches it).
    private static readonly string[] CaptionSlashTriggers = ["courtesy"];
    private static readonly string[] WireCredits = ["reuters", "ap", "afp", "getty", "epa", "xinhua", "kcna", "yonhap"];

    private static bool CaptionMayMatch(string line, ulong found)
    {
        if ((found & CaptionGroup) != 0) return true;
        if (!line.Contains('/')) return false;
        if ((found & CaptionSlashGroup) != 0) return true;
        // "\b(via|/)\s*(reuters|ap|...)\s*\)?\.?$": the credit ends the line.
        var end = line.AsSpan();
        if (end.EndsWith('.')) end = end[..^1];
        if (end.EndsWith(')')) end = end[..^1];
        end = end.TrimEnd();
        foreach (var agency in WireCredits)
            if (end.EndsWith(agency, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    // Anchored patterns open with one of these words (each list read off its pattern's alternatives); "nonLetterStart"
    // where an alternative may open with a digit, space or symbol.
    private static readonly PrefixGate LinkLineStart = new(false,
        "also", "read", "more", "related", "see", "recommended", "suggested", "watch", "listen", "trending", "must", "don't",
        "up ", "top", "latest", "editor's", "you", "click", "http", "www.", "most", "what", "further", "explore", "view", "download");
    private static readonly PrefixGate NavigationStart = new(true,
        "home", "menu", "search", "share", "tweet", "print", "email", "comment", "advertisement", "sponsored", "scroll", "continue",
        "story", "follow", "download", "tags", "topics", "filed", "leave", "view", "add", "next", "previous", "prev", "loading",
        "find", "like", "join", "get", "show", "hide", "load", "read", "see", "be", "news", "press", "media", "for", "tel", "phone",
        "telephone", "mobile", "fax", "first", "posted", "updated", "published", "page", "listen", "close", "font", "text",
        "bookmark", "top", "return", "video", "audio", "play", "watch", "printer", "save", "pdf");
    private static readonly PrefixGate SocialWordsStart = new(false,
        "share", "comment", "tweet", "facebook", "twitter", "x", "whatsapp", "linkedin", "email", "e-mail", "print", "pinterest",
        "reddit", "telegram", "copy", "save", "instagram", "youtube", "flipboard", "messenger", "sms", "link");
    // Also stands for ConsentButtonWords: a line that starts with one of them (as StartsWith with OrdinalIgnoreCase
    // compares) passes the gate.
    private static readonly PrefixGate ButtonStart = new(false, ConsentButtonWords);
    private static readonly PrefixGate PriceStart = new(true, "rs", "inr", "usd", "eur", "gbp");

    // Every alternative of CreditSignoff holds '@', ':' or one of these (case-insensitive).
    private static readonly string[] CreditTriggers =
        ["by ", "from ", "end", "###", "***", "contributed"];

    private static readonly string[] HeaderKeywordTriggers =
        ["published", "posted", "updated", "modified", "date", "source"];

    // Bits of TriggerSet.Scan: one per group of triggers above.
    private const ulong CaptionGroup = 1 << 0, DisclaimerGroup = 1 << 1, PaywallStrongGroup = 1 << 2, PaywallWeakGroup = 1 << 3,
        NavigationGroup = 1 << 4, ConsentGroup = 1 << 5, HeaderKeywordGroup = 1 << 6, AuthorContactGroup = 1 << 7, CreditGroup = 1 << 8,
        CaptionSlashGroup = 1 << 9;

    private static readonly TriggerSet Triggers = new(
        CaptionTriggers, DisclaimerTriggers, PaywallStrongTriggers, PaywallWeakTriggers, NavigationTriggers, ConsentTriggers,
        HeaderKeywordTriggers, AuthorContactTriggers, CreditTriggers, CaptionSlashTriggers);

    private static bool Matches(Regex regex, ulong found, ulong group, string line, char extra = '\0') =>
        ((found & group) != 0 || extra != '\0' && line.Contains(extra)) && regex.IsMatch(line);

    /// <summary>Classifies a trimmed non-empty line by the rules that hold anywhere in a document.</summary>
    public static string? Classify(string line) => Classify(line, WordCounter.Count(line));

    /// <summary><see cref="Classify(string)"/> given the line's word count (the cleaner has counted it already).</summary>
    internal static string? Classify(string line, int words)
    {
        if (line.Length == 0) return null;
        if (line.Length > 600) return Url.IsMatch(line) ? Reasons.Link : null;
        // "___", "* * *", "-----": separators of the page layout.
        if (line.Length >= 2 && line != "--" && line.AsSpan().IndexOfAnyExcept(" _-–—*=~•·#+.") < 0) return Reasons.Navigation;
        ulong found = Triggers.Scan(line);

        if (words <= 12 && IsSignoff(line, out _, found)) return Reasons.Signoff;
        if (words <= 40 && Matches(AuthorContact, found, AuthorContactGroup, line)) return Reasons.Signoff;
        if (words <= 30 && !Words.EndsWithTerminal(line) && IsTicker(line)) return Reasons.Navigation;
        if (words <= 3 && line.Contains('/') && DeskCode.IsMatch(line)) return Reasons.DeskCode;
        if (CaptionMayMatch(line, found) && CaptionMarker.IsMatch(line)) return Reasons.Caption;
        if (line[^1] == ')' && words <= 40 && OrgNameCredit.IsMatch(line)) return Reasons.Caption;
        if (words <= 40 && LinkLineStart.MayMatch(line) && LinkLine.IsMatch(line)) return Reasons.Link;
        if (words <= 80)
        {
            // A consent notice opens with one of few words ("We use", "This site", "By clicking", "Cookie policy",
            // "Do not sell", "Your privacy"); buttons are short lines without a full stop.
            bool noticeStart = line[0] is 'W' or 'w' or 'T' or 't' or 'O' or 'o' or 'B' or 'b' or 'C' or 'c' or 'D' or 'd' or 'Y' or 'y';
            bool buttons = words <= 12 && !Words.EndsWithTerminal(line);
            if (noticeStart && (found & ConsentGroup) != 0 && ConsentNotice.IsMatch(line)
                || buttons && ((found & ConsentGroup) != 0 || ButtonStart.MayMatch(line)) && ConsentButtons.IsMatch(line))
                return Reasons.Navigation;
        }
        if (words <= 40 && Matches(DisclaimerRegex, found, DisclaimerGroup, line, '©')) return Reasons.Disclaimer;
        if (line.Contains("{{", StringComparison.Ordinal) && line.Contains("}}", StringComparison.Ordinal)) return Reasons.Paywall;
        if (words <= 4 && PriceStart.MayMatch(line) && Price.IsMatch(line)) return Reasons.Paywall;
        if (words <= 30 && Matches(PaywallStrong, found, PaywallStrongGroup, line)) return Reasons.Paywall;
        if ((words <= 8 || (words <= 16 && !Words.EndsWithTerminal(line))) && Matches(PaywallWeak, found, PaywallWeakGroup, line)) return Reasons.Paywall;
        if (words <= 12 && (NavigationStart.MayMatch(line) && Navigation.IsMatch(line) || Matches(NavigationAnywhere, found, NavigationGroup, line)
                            || SocialWordsStart.MayMatch(line) && SocialWords.IsMatch(line)))
            return Reasons.Navigation;
        // A site's menu row may list many sections ("Home | World | Business | Sport | Science | Opinion | ..."):
        // with " | " separators a longer row of short segments is navigation too.
        if ((words <= 12 || words <= 40 && line.Contains(" | ", StringComparison.Ordinal)) && IsBreadcrumb(line)) return Reasons.Navigation;
        return null;
    }

    /// <summary>Agency sign-off or credit line; <paramref name="source"/> is the agency when it names one.</summary>
    public static bool IsSignoff(string line, out string source) => IsSignoff(line, out source, Triggers.Scan(line));

    private static bool IsSignoff(string line, out string source, ulong found)
    {
        source = "";
        if (line.Length == 0) return false;
        // Cheap gates first: each pattern below needs its opening character or a literal the line must hold.
        char first = line[0];
        var m = first is '-' or '–' or '—' or '/' ? DashSignoff.Match(line) : Match.Empty;
        if (m.Success)
        {
            var src = m.Groups["src"].Value.Trim();
            // "- Higher pensions" is a list item; a sign-off names an agency, is in capitals or uses a long dash.
            bool signoffShape = KnownNames.IsAgency(src) || src.Length >= 2 && src.All(c => !char.IsLetter(c) || char.IsUpper(c))
                || line.StartsWith("--", StringComparison.Ordinal) || line.StartsWith('—') || line.StartsWith('/');
            if (WordCounter.Count(src) <= 4 && signoffShape)
            {
                source = src;
                return true;
            }
        }
        if ((line.AsSpan().IndexOfAny('@', ':') >= 0 || (found & CreditGroup) != 0) && CreditSignoff.IsMatch(line))
        {
            var from = line.IndexOf(" from ", StringComparison.OrdinalIgnoreCase);
            if (from >= 0)
            {
                var src = line[(from + 6)..].Trim().TrimEnd(')', '.').Trim();
                if (KnownNames.IsAgency(src)) source = src;
            }
            return true;
        }
        m = first == '(' ? ParenAgency.Match(line) : Match.Empty;
        if (m.Success && KnownNames.IsAgency(m.Groups["src"].Value))
        {
            source = m.Groups["src"].Value.Trim();
            return true;
        }
        // "(Source: Xinhua)"
        if (line.Length > 2 && line[0] == '(' && line[^1] == ')')
        {
            var inner = line[1..^1].Trim();
            var src = SourceLine.Match(inner);
            if (src.Success)
            {
                source = src.Groups["src"].Value.Trim();
                return true;
            }
        }
        m = first is 'S' or 's' or 'A' or 'a' or 'C' or 'c' or 'R' or 'r' ? StoryFrom.Match(line) : Match.Empty;
        if (m.Success)
        {
            source = m.Groups["src"].Value.Trim();
            return true;
        }
        m = line.Contains(':') ? SourceLine.Match(line) : Match.Empty;
        if (m.Success)
        {
            source = m.Groups["src"].Value.Trim();
            return true;
        }
        return false;
    }


    /// <summary>"Home > World > Asia", "News | Politics | China": three or more short segments.</summary>
    private static bool IsBreadcrumb(string line)
    {
        if (line.AsSpan().IndexOfAny(">»›|/") < 0) return false;
        foreach (var sep in new[] { " > ", " » ", " › ", " | ", " / " })
        {
            var parts = line.Split(sep);
            if (parts.Length < 3) continue;
            bool allShort = true;
            foreach (var p in parts)
                if (WordCounter.Count(p) is 0 or > 3) { allShort = false; break; }
            if (allShort) return true;
        }
        return false;
    }

    /// <summary>
    /// A header line: "|"-separated segments of which at least one states a date ("Xinhua Published: 2019-03-01 21:09:55",
    /// "Published: 10:58, May 25, 2020 | Updated: ...", "Source: Xinhua | 2019-03-01 21:09:55 | Editor: Li",
    /// "By Jane Doe | chinadaily.com.cn | Updated: 2019-03-01 09:51") and every other segment is header metadata.
    /// </summary>
    public static HeaderInfo? TryParseHeader(string line)
    {
        // Every header states a date, so it holds a digit; most article lines are rejected here cheaply. A longer
        // line is a header only when it names a header keyword.
        if (line.Length > 250 || line.AsSpan().IndexOfAnyInRange('0', '9') < 0) return null;
        int words = WordCounter.Count(line);
        // HeaderKeyword can only match where its literals occur: without them no segment is searched for it.
        bool keywords = (Triggers.Scan(line) & HeaderKeywordGroup) != 0;
        if (words > 24 || words > 12 && !keywords && !line.Contains('|')) return null;
        string source = "";
        DateOnly? published = null, updated = null;
        bool any = false, labelSeen = false;
        foreach (var segment in Segments(line, keywords))
        {
            if (segment.Length == 0) continue;
            var m = keywords ? HeaderKeyword.Match(segment) : Match.Empty;
            if (m.Success)
            {
                var rest = segment[(m.Index + m.Length)..];
                if (IsDateOnly(rest, out var date))
                {
                    var prefix = segment[..m.Index].Trim().TrimEnd(',', '-', '–', '|').Trim();
                    // "Mar 5, 2024 Updated Mar 6, 2024": the date before the keyword is the publication date.
                    if (prefix.Length > 0 && IsDateOnly(prefix, out var before))
                    {
                        published ??= before;
                        prefix = "";
                    }
                    if (prefix.StartsWith("By ", StringComparison.Ordinal)) prefix = prefix[3..].Trim();
                    var sourceLine = SourceLine.Match(prefix);
                    if (sourceLine.Success) prefix = sourceLine.Groups["src"].Value.Trim();
                    // The prefix of a header is a name ("Xinhua"), never a clause ("The report was").
                    if (WordCounter.Count(prefix) > 6 || prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(w => char.IsLower(w[0]))) return null;
                    any = true;
                    var keyword = m.Groups[2].Value.ToLowerInvariant();
                    if (keyword.Contains("updated") || keyword.Contains("modified")) updated ??= date;
                    else published ??= date;
                    if (source.Length == 0 && prefix.Length > 0 && char.IsUpper(prefix[0]) && !prefix.Any(char.IsDigit)) source = prefix;
                    continue;
                }
                // "Updated 2 hours ago": a relative time stamp, metadata without a date.
                if (m.Index == 0 && RelativeTime.IsMatch(rest.Trim())) continue;
            }
            if (RelativeTime.IsMatch(segment)) continue;
            // "(People's Daily Online) 14:28, March 01, 2019"
            if (segment.StartsWith('(') && segment.IndexOf(')') is > 1 and var close && close < 60)
            {
                var inner = segment[1..close].Trim();
                if (KnownNames.LooksLikePublisher(inner) && IsDateOnly(segment[(close + 1)..], out var credited))
                {
                    any = true;
                    published ??= credited;
                    if (source.Length == 0) source = inner;
                    continue;
                }
            }
            if (IsDateOnly(segment, out var only))
            {
                any = true;
                published ??= only;
                continue;
            }
            // "First Published: 10 June 2024 | 3:10 PM IST": the time may stand in a segment of its own.
            if (IsTimeOnly(segment)) continue;
            // "Geneva, 5 March 2024": a place and the date, the dateline of a release.
            int comma = segment.IndexOf(',');
            if (comma > 1 && comma <= 30 && IsCapitalisedName(segment[..comma], 3) && IsDateOnly(segment[(comma + 1)..], out var placed))
            {
                any = true;
                published ??= placed;
                continue;
            }
            var src = SourceLine.Match(segment);
            if (src.Success)
            {
                if (source.Length == 0) source = src.Groups["src"].Value.Trim();
                continue;
            }
            if (HeaderRole.IsMatch(segment)) continue;
            // "22 July 2026 | News release | Geneva | Reading time: 3 min": a document-type label and the place of
            // issue stand beside the date in the header of a release; they are metadata, not the publisher.
            if (ReleaseLabel.IsMatch(segment)) { labelSeen = true; continue; }
            if (TryParseByline(segment, out _, out var bylineSource))
            {
                if (source.Length == 0) source = bylineSource;
                continue;
            }
            // A place of issue after a label ("News release | Geneva"): a short capitalised name that is not an
            // agency or a multi-word publisher name.
            if (labelSeen && IsCapitalisedName(segment, 3) && !KnownNames.IsAgency(segment)
                && !(WordCounter.Count(segment) >= 2 && KnownNames.LooksLikePublisher(segment)))
                continue;
            if (WordCounter.Count(segment) <= 4 && KnownNames.LooksLikePublisher(segment))
            {
                // "World | Press Trust of India | Updated: ...": a section name looks like a name too; agencies win.
                if (source.Length == 0 || KnownNames.IsAgency(segment) && !KnownNames.IsAgency(source)) source = segment;
                continue;
            }
            return null;
        }
        return any ? new HeaderInfo(source, published, updated) : null;
    }

    /// <summary>"|"-separated parts, each further split before every header keyword after its first.</summary>
    private static IEnumerable<string> Segments(string line, bool keywords)
    {
        // "|", "·", "•" and " / " separate the parts of a header ("By Jane Doe · March 5, 2024 · 3 min read").
        foreach (var raw in line.Split(HeaderSeparators, StringSplitOptions.None))
        {
            var part = raw.Trim();
            int start = 0;
            bool first = true;
            foreach (Match m in keywords ? HeaderKeyword.Matches(part) : (IEnumerable<Match>)[])
            {
                if (!first && m.Index > start)
                {
                    yield return part[start..m.Index].Trim().TrimEnd('-', '–', ',').Trim();
                    start = m.Index;
                }
                first = false;
            }
            yield return part[start..].Trim();
        }
    }

    private static readonly string[] HeaderSeparators = ["|", "·", "•", " / "];

    // "3 min read", "2 hours ago", "Reading time: 4 minutes"
    private static readonly Regex RelativeTime = new(
        @"^(\d{1,3} ?(min|mins|minute|minutes) read|\d{1,3} (seconds?|minutes?|mins?|hours?|hrs?|days?) ago|(reading|read) time\s*:?\s*\d{1,3} ?(min|mins|minutes?))$", OptI);

    // Document-type labels of a header: "News release", "Press statement", "Media advisory", "Feature".
    private static readonly Regex ReleaseLabel = new(
        @"^((news|press|media) (release|statement|advisory|note|briefing)|statement|joint statement|media advisory|feature|analysis|commentary|opinion|explainer|interview|fact sheet|update|speech)$", OptI);

    private static readonly Regex HeaderRole = new(@"^(editor|editors|web editor|responsible editor|chief editor|author|reporter|writer|translator|photographer)\s*:\s*\S.{0,60}$", OptI);

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "am", "pm", "a.m.", "p.m.", "gmt", "utc", "ist", "est", "edt", "cst", "cdt", "pst", "pdt", "bst", "cet", "cest",
        "jst", "kst", "hkt", "sgt", "aest", "at", "on", "updated", "published", "posted", "date", "time", "bjt",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun", "hrs", "local", "time", "first", "last",
    };

    private static readonly Regex TimeToken = new(@"^\d{1,2}([:.]\d{2}){0,2}\s*(am|pm|a\.m|p\.m|hrs|h)?$", OptI);

    private static bool IsDateOnly(string line, out DateOnly? date)
    {
        date = DateParser.FirstFullDate(line, out var start, out var length);
        if (date is null) return false;
        var rest = string.Concat(line.AsSpan(0, start), " ", line.AsSpan(start + length));
        return IsTimeMetadata(rest, out _);
    }

    /// <summary>"4:52 PM IST", "7:15 a.m. ET": a time of day on its own, header metadata like a date.</summary>
    private static bool IsTimeOnly(string segment) =>
        segment.Length <= 40 && IsTimeMetadata(segment, out bool clock) && clock;

    // A time zone is written as a short capitalised abbreviation ("ET", "MST", "AEDT", "UTC+8"), so it is read as a
    // pattern after a clock time rather than from a closed list.
    private static readonly Regex ZoneToken = new(@"^[A-Z]{2,5}([+-]\d{1,2}(:?\d{2})?)?$", Opt);

    private static readonly SearchValues<char> TimeSeparators = SearchValues.Create(" ,|()-\u2013");
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeWordLookup = TimeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Every token is a time, a time word or a time zone following a time; <paramref name="clock"/> when one is a clock time.</summary>
    private static bool IsTimeMetadata(ReadOnlySpan<char> text, out bool clock)
    {
        clock = false;
        bool afterTime = false;
        // Tokens between separators, read in place: this runs on every header candidate.
        while (text.Length > 0)
        {
            int sep = text.IndexOfAny(TimeSeparators);
            var token = sep < 0 ? text : text[..sep];
            text = sep < 0 ? default : text[(sep + 1)..];
            if (token.Length == 0) continue;
            var t = token.TrimEnd(":.");
            if (t.Length == 0) continue;
            if (TimeWordLookup.Contains(t) || TimeWordLookup.Contains(token))
            {
                // "PM", "a.m." close a time; "at", "on", weekday names do not.
                afterTime = afterTime || t.Equals("am", StringComparison.OrdinalIgnoreCase) || t.Equals("pm", StringComparison.OrdinalIgnoreCase)
                    || t.Equals("a.m", StringComparison.OrdinalIgnoreCase) || t.Equals("p.m", StringComparison.OrdinalIgnoreCase)
                    || t.Length >= 3 && AllUpper(t);
                continue;
            }
            if (TimeToken.IsMatch(t))
            {
                clock |= t.Contains(':') || t.Contains('.') || char.IsLetter(t[^1]);
                afterTime = true;
                continue;
            }
            if (AllClockChars(t))
            {
                afterTime = t.Contains(':');
                clock |= afterTime;
                continue;
            }
            if (afterTime && ZoneToken.IsMatch(t)) continue;
            return false;
        }
        return true;
    }

    private static bool AllUpper(ReadOnlySpan<char> t)
    {
        foreach (var c in t) if (!char.IsUpper(c)) return false;
        return true;
    }

    private static bool AllClockChars(ReadOnlySpan<char> t)
    {
        foreach (var c in t) if (!(char.IsDigit(c) || c is ':' or '+' or '.' or 'T' or 'Z')) return false;
        return true;
    }

    /// <summary>"By Xinhua", "By Jane Doe, Reuters": the byline text, and the publisher it names if any.</summary>
    public static bool TryParseByline(string line, out string byline, out string source)
    {
        byline = source = "";
        if (line.Length > 120) return false;
        var m = BylineRegex.Match(line);
        if (!m.Success) return false;
        var name = m.Groups["name"].Value.Trim().TrimEnd('.');
        if (WordCounter.Count(name) > 12) return false;
        // A byline is names: every lower-case word must be a connector ("and", "in", "of", ...).
        foreach (var w in name.Split([' ', ',', '|', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (char.IsLower(w[0]) && !Connectors.Contains(w)) return false;
        }
        byline = name;
        // "By JANE DOE Associated Press": a byline that ends with an agency's name.
        var nameWords = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int take = Math.Min(4, nameWords.Length - 1); take >= 1; take--)
        {
            var tail = string.Join(' ', nameWords, nameWords.Length - take, take).TrimStart(',');
            // Written as the agency writes itself: "Associated Press", "AFP"; a surname such as "Mena" or "Lusa" is not one.
            bool agency = KnownNames.Agencies.TryGetValue(tail, out var listed) && listed == tail
                && (take >= 2 || tail.All(char.IsUpper) && !nameWords[0].All(char.IsUpper));
            if (agency && !name.Contains(',') && !name.Contains('|'))
            {
                source = tail;
                return true;
            }
        }
        var parts = name.Split([",", "|", " / ", " - ", " – ", " — ", " for "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (int i = parts.Length - 1; i >= 0; i--)
        {
            var p = parts[i];
            if (parts.Length == 1 ? WordCounter.Count(p) == 1 || KnownNames.LooksLikePublisher(p) : KnownNames.LooksLikePublisher(p))
            {
                // "By John Smith in Beijing" names a place, not a publisher
                if (parts.Length > 1 && i == 0) break;
                source = p;
                break;
            }
        }
        // "By Jane Doe, AP Diplomatic Correspondent": an agency in front of a newsroom role is the publisher.
        for (int i = 1; i < parts.Length && source.Length == 0; i++)
            source = AgencyBeforeRole(parts[i]);
        return true;
    }

    private static readonly HashSet<string> RoleNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "correspondent", "correspondents", "editor", "reporter", "writer", "columnist", "journalist", "staff", "chief",
        "producer", "analyst", "bureau", "desk",
    };

    private static string AgencyBeforeRole(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words.Length > 6 || !RoleNouns.Contains(words[^1])) return "";
        for (int take = Math.Min(3, words.Length - 1); take >= 1; take--)
        {
            var prefix = string.Join(' ', words, 0, take);
            if (KnownNames.IsAgency(prefix)) return prefix;
        }
        return "";
    }

    /// <summary>
    /// "Reuters | London", "PTI | New Delhi": an agency credit with the place it files from, but no date; the
    /// agency is the source.
    /// </summary>
    public static bool TryParseAgencyPlace(string line, out string source)
    {
        source = "";
        if (line.Length > 80 || !line.Contains('|') || line.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return false;
        var parts = line.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3 || !KnownNames.IsAgency(parts[0])) return false;
        for (int i = 1; i < parts.Length; i++)
            if (!IsCapitalisedName(parts[i], 3)) return false;
        source = parts[0];
        return true;
    }

    /// <summary>
    /// A masthead with its section: "The Daily Example | World", "Northern Star Online | Sport | Rugby": short
    /// capitalised segments. <paramref name="publisher"/> is the first segment when it reads as a publisher name.
    /// </summary>
    public static bool IsMastheadSectionLine(string line, out string publisher)
    {
        publisher = "";
        if (line.Length > 100 || !line.Contains(" | ", StringComparison.Ordinal) || line.AsSpan().IndexOfAnyInRange('0', '9') >= 0) return false;
        var parts = line.Split(" | ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 4) return false;
        foreach (var part in parts)
            if (!IsCapitalisedName(part, 4)) return false;
        if (KnownNames.IsAgency(parts[0]) || WordCounter.Count(parts[0]) >= 2 && KnownNames.LooksLikePublisher(parts[0]) && !KnownNames.IsSectionName(parts[0]))
            publisher = parts[0];
        return true;
    }

    /// <summary>1..<paramref name="maxWords"/> words, each capitalised or a connector ("of", "and", "&amp;").</summary>
    internal static bool IsCapitalisedName(string text, int maxWords)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0 || words.Length > maxWords || !char.IsUpper(words[0][0])) return false;
        foreach (var w in words)
            if (!char.IsUpper(w[0]) && !Connectors.Contains(w)) return false;
        return true;
    }

    // "© 2025 The Daily Example. All rights reserved.", "Copyright 2024 Example Media Ltd"
    private static readonly Regex CopyrightHolder = new(
        @"^(©|\(c\)|copyright)\s*(©|copyright)?\s*(\d{4}(\s*[-–]\s*\d{4})?\s*,?\s*)?(?<src>\p{Lu}[\w&.' -]{1,60}?)\s*(\.\s|\.$|,|;|\||$)", OptI);

    private static readonly string[] LegalForms = [" Inc.", " Inc", " Ltd.", " Ltd", " Limited", " LLC", " plc", " PLC", " GmbH", " Pty Ltd", " Corp.", " Corp"];

    /// <summary>The holder named by a copyright footer, when it is a name of at most six words.</summary>
    public static bool TryCopyrightHolder(string line, out string holder)
    {
        holder = "";
        if (line.Length > 200 || line.Length < 3 || !(line[0] == '©' || line[0] == '(' || line[0] is 'C' or 'c')) return false;
        var m = CopyrightHolder.Match(line);
        if (!m.Success) return false;
        var src = m.Groups["src"].Value.Trim();
        if (src.EndsWith(" All rights reserved", StringComparison.OrdinalIgnoreCase)) src = src[..^20].Trim();
        // "© Example Post 2024": the year may follow the name.
        if (src.Length > 5 && src[^4..].All(char.IsAsciiDigit) && src[^5] == ' ') src = src[..^5].Trim();
        // The legal form is not part of the publisher's name: "Example Media Ltd", "Example News, Inc."
        foreach (var form in LegalForms)
            if (src.EndsWith(form, StringComparison.Ordinal) && src.Length > form.Length + 2) { src = src[..^form.Length].TrimEnd(' ', ','); break; }
        if (!IsCapitalisedName(src, 6)) return false;
        holder = src;
        return true;
    }

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "and", "in", "of", "for", "the", "de", "da", "van", "von", "der", "al", "bin", "el", "la", "le", "du", "with", "at", "&",
    };
}
