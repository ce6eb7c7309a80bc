using System.Reflection;
using System.Text.RegularExpressions;
using FsCheck.Xunit;
using Platform.Extraction.Engine.Cleaning;

namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// The cheap gates in front of the line rules' regexes never reject a line the regex matches: the rules decide as
/// without the gates.
/// </summary>
public sealed class LineRuleGateTests
{
    private static T Field<T>(string name) => Member<T>(typeof(LineRules), name);

    // A private static field or property (the source-generated regexes are partial properties).
    private static T Member<T>(Type type, string name)
    {
        const BindingFlags Flags = BindingFlags.NonPublic | BindingFlags.Static;
        var value = type.GetField(name, Flags)?.GetValue(null) ?? type.GetProperty(name, Flags)?.GetValue(null);
        return (T)(value ?? throw new InvalidOperationException($"{type.Name}.{name} not found"));
    }

    // (regex field, gate field) pairs.
    private static readonly (string Regex, string Gate)[] Gated =
    [
        ("LinkLine", "LinkLineStart"), ("Navigation", "NavigationStart"), ("SocialWords", "SocialWordsStart"), ("Price", "PriceStart"),
        ("RelativeTime", "RelativeTimeStart"), ("ReleaseLabel", "ReleaseLabelStart"), ("HeaderRole", "HeaderRoleStart"),
        ("SourceLine", "SourceLineStart"), ("StoryFrom", "StoryFromStart"),
    ];

    // One line per alternative of each gated pattern (and a few variants), all matched by the regex.
    [Theory]
    [InlineData("LinkLine", "Also read: more news"), InlineData("LinkLine", "READ ALSO | x"), InlineData("LinkLine", "Read more » x")]
    [InlineData("LinkLine", "More: x"), InlineData("LinkLine", "Related stories - x"), InlineData("LinkLine", "See also: x")]
    [InlineData("LinkLine", "related videos: x"), InlineData("LinkLine", "Recommended > x"), InlineData("LinkLine", "Suggested: x")]
    [InlineData("LinkLine", "Watch: x"), InlineData("LinkLine", "Listen: x"), InlineData("LinkLine", "Trending: x")]
    [InlineData("LinkLine", "Must read: x"), InlineData("LinkLine", "Don't miss: x"), InlineData("LinkLine", "Read next: x")]
    [InlineData("LinkLine", "Up next: x"), InlineData("LinkLine", "Top stories: x"), InlineData("LinkLine", "Latest news: x")]
    [InlineData("LinkLine", "More news: x"), InlineData("LinkLine", "More stories: x"), InlineData("LinkLine", "Editor's picks: x")]
    [InlineData("LinkLine", "You may also like: x"), InlineData("LinkLine", "You might also like: x"), InlineData("LinkLine", "Also see: x")]
    [InlineData("LinkLine", "Also watch: x"), InlineData("LinkLine", "Click here to read"), InlineData("LinkLine", "https://example.com/a")]
    [InlineData("LinkLine", "www.example.com"), InlineData("LinkLine", "Related articles"), InlineData("LinkLine", "More from Example News")]
    [InlineData("LinkLine", "Recommended for you"), InlineData("LinkLine", "Most read"), InlineData("LinkLine", "Trending now")]
    [InlineData("LinkLine", "Latest stories:"), InlineData("LinkLine", "Top stories"), InlineData("LinkLine", "What to read next")]
    [InlineData("LinkLine", "Further reading"), InlineData("LinkLine", "Explore more on these topics"), InlineData("LinkLine", "More on this story")]
    [InlineData("LinkLine", "See all stories"), InlineData("LinkLine", "View more articles"), InlineData("LinkLine", "Download the Example News app now")]
    [InlineData("Navigation", "Home"), InlineData("Navigation", "Menu"), InlineData("Navigation", "Search:"), InlineData("Navigation", "Share this article")]
    [InlineData("Navigation", "Share the story"), InlineData("Navigation", "Share on"), InlineData("Navigation", "Tweet"), InlineData("Navigation", "Print")]
    [InlineData("Navigation", "Email"), InlineData("Navigation", "Comments"), InlineData("Navigation", "Advertisement"), InlineData("Navigation", "Sponsored")]
    [InlineData("Navigation", "Scroll to continue"), InlineData("Navigation", "Continue reading"), InlineData("Navigation", "Story continues below")]
    [InlineData("Navigation", "Follow us"), InlineData("Navigation", "Download the app"), InlineData("Navigation", "Tags: x"), InlineData("Navigation", "Topics")]
    [InlineData("Navigation", "Filed under: x"), InlineData("Navigation", "Leave a comment"), InlineData("Navigation", "View comments")]
    [InlineData("Navigation", "Add comment"), InlineData("Navigation", "Next article"), InlineData("Navigation", "Previous article"), InlineData("Navigation", "Prev")]
    [InlineData("Navigation", "Next"), InlineData("Navigation", "Loading"), InlineData("Navigation", "Follow us on X"), InlineData("Navigation", "Find us on Facebook")]
    [InlineData("Navigation", "Like us on Facebook"), InlineData("Navigation", "Join us on Telegram"), InlineData("Navigation", "Get the latest news")]
    [InlineData("Navigation", "3 min read"), InlineData("Navigation", "Show all 12 comments"), InlineData("Navigation", "Hide comments"), InlineData("Navigation", "Load 5 comments")]
    [InlineData("Navigation", "Read comments"), InlineData("Navigation", "See all comments"), InlineData("Navigation", "Join the conversation"), InlineData("Navigation", "12 comments")]
    [InlineData("Navigation", "Be the first to comment"), InlineData("Navigation", "Leave a reply"), InlineData("Navigation", "Comments are closed")]
    [InlineData("Navigation", "News release"), InlineData("Navigation", "Press release"), InlineData("Navigation", "Media release"), InlineData("Navigation", "For immediate release")]
    [InlineData("Navigation", "Media contacts:"), InlineData("Navigation", "Press enquiries"), InlineData("Navigation", "Tel: +1 555 0100"), InlineData("Navigation", "Phone: 555 0100")]
    [InlineData("Navigation", "Telephone. 555 0100"), InlineData("Navigation", "Mobile: 555 0100"), InlineData("Navigation", "Fax: 555 0100")]
    [InlineData("Navigation", "First posted 5h ago"), InlineData("Navigation", "Updated 2 hours ago"), InlineData("Navigation", "Published 3 days ago")]
    [InlineData("Navigation", "Posted 1 minute ago"), InlineData("Navigation", "5 minutes ago"), InlineData("Navigation", " 5 minutes ago"), InlineData("Navigation", "Page 2 of 3")]
    [InlineData("Navigation", "Next page"), InlineData("Navigation", "Previous page"), InlineData("Navigation", "Listen to this article"), InlineData("Navigation", "Print this page")]
    [InlineData("Navigation", "Email this story"), InlineData("Navigation", "[Print this page]"), InlineData("Navigation", "Close window"), InlineData("Navigation", "Font size")]
    [InlineData("Navigation", "Text size"), InlineData("Navigation", "Bookmark"), InlineData("Navigation", "Top of page"), InlineData("Navigation", "Return to top")]
    [InlineData("Navigation", "» Print | Close"), InlineData("Navigation", "Video PlayerClose"), InlineData("Navigation", "Audio player"), InlineData("Navigation", "Media player loading")]
    [InlineData("Navigation", "Play video"), InlineData("Navigation", "Watch now"), InlineData("Navigation", "Text size: A A A"), InlineData("Navigation", "Fontsize A- A+")]
    [InlineData("Navigation", "Print-friendly version"), InlineData("Navigation", "Printer version"), InlineData("Navigation", "Download PDF"), InlineData("Navigation", "Save as PDF")]
    [InlineData("Navigation", "PDF | Print | Email"), InlineData("Navigation", "Email | PDF")]
    [InlineData("SocialWords", "Share: Facebook Twitter"), InlineData("SocialWords", "Share this story: x"), InlineData("SocialWords", "Comments (12)")]
    [InlineData("SocialWords", "Share on"), InlineData("SocialWords", "Share via"), InlineData("SocialWords", "Tweet"), InlineData("SocialWords", "Facebook | Twitter")]
    [InlineData("SocialWords", "X"), InlineData("SocialWords", "WhatsApp"), InlineData("SocialWords", "LinkedIn"), InlineData("SocialWords", "E-mail / Print")]
    [InlineData("SocialWords", "Pinterest"), InlineData("SocialWords", "Reddit"), InlineData("SocialWords", "Telegram"), InlineData("SocialWords", "Copy link")]
    [InlineData("SocialWords", "Copy"), InlineData("SocialWords", "Save"), InlineData("SocialWords", "Comment"), InlineData("SocialWords", "Instagram")]
    [InlineData("SocialWords", "YouTube"), InlineData("SocialWords", "Flipboard"), InlineData("SocialWords", "Messenger"), InlineData("SocialWords", "SMS"), InlineData("SocialWords", "Link")]
    [InlineData("Price", "$4.99"), InlineData("Price", "€9.99/month"), InlineData("Price", "Rs. 299 per month"), InlineData("Price", "INR 99"), InlineData("Price", "USD 5")]
    [InlineData("Price", "EUR 5"), InlineData("Price", "GBP 5 / year"), InlineData("Price", "4.99 €"), InlineData("Price", "12 usd")]
    [InlineData("RelativeTime", "3 min read"), InlineData("RelativeTime", "2 hours ago"), InlineData("RelativeTime", "Reading time: 4 minutes")]
    [InlineData("RelativeTime", "Read time 4 min")]
    [InlineData("ReleaseLabel", "News release"), InlineData("ReleaseLabel", "Press statement"), InlineData("ReleaseLabel", "Media advisory")]
    [InlineData("ReleaseLabel", "Statement"), InlineData("ReleaseLabel", "Joint statement"), InlineData("ReleaseLabel", "Feature")]
    [InlineData("ReleaseLabel", "Analysis"), InlineData("ReleaseLabel", "Commentary"), InlineData("ReleaseLabel", "Opinion")]
    [InlineData("ReleaseLabel", "Explainer"), InlineData("ReleaseLabel", "Interview"), InlineData("ReleaseLabel", "Fact sheet")]
    [InlineData("ReleaseLabel", "Update"), InlineData("ReleaseLabel", "Speech")]
    [InlineData("HeaderRole", "Editor: Li"), InlineData("HeaderRole", "Editors : Li"), InlineData("HeaderRole", "Web editor: Li")]
    [InlineData("HeaderRole", "Responsible editor: Li"), InlineData("HeaderRole", "Chief editor: Li"), InlineData("HeaderRole", "Author: Li")]
    [InlineData("HeaderRole", "Reporter: Li"), InlineData("HeaderRole", "Writer: Li"), InlineData("HeaderRole", "Translator: Li")]
    [InlineData("HeaderRole", "Photographer: Li")]
    [InlineData("SourceLine", "Source: Xinhua"), InlineData("SourceLine", "Sources: agencies"), InlineData("SourceLine", "Credit: AP")]
    [InlineData("SourceLine", "Courtesy : Example News")]
    [InlineData("StoryFrom", "Story from BBC NEWS:"), InlineData("StoryFrom", "Article by Example Post"), InlineData("StoryFrom", "Content courtesy of Example")]
    [InlineData("StoryFrom", "REPORT FROM Example Wire")]
    public void Gate_PassesEveryAlternativeOfItsPattern(string regex, string line)
    {
        Assert.True(Field<Regex>(regex).IsMatch(line), $"example does not match {regex}");
        Assert.True(Field<PrefixGate>(Gated.Single(g => g.Regex == regex).Gate).MayMatch(line));
        // In any case, and with a non-ASCII look-alike in front (the Kelvin sign is 'k' to a case-insensitive regex).
        Assert.True(Field<PrefixGate>(Gated.Single(g => g.Regex == regex).Gate).MayMatch(line.ToUpperInvariant()));
        Assert.True(Field<PrefixGate>(Gated.Single(g => g.Regex == regex).Gate).MayMatch(line.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("\u212Aelvin-sign opener")]
    [InlineData("ok")]
    [InlineData("")]
    public void Gate_PassesNonAsciiOpenersAndShortLines_WhenTheRegexMatches(string line)
    {
        foreach (var (regex, gate) in Gated)
            if (Field<Regex>(regex).IsMatch(line)) Assert.True(Field<PrefixGate>(gate).MayMatch(line));
    }

    [Theory]
    [InlineData("NavigationStart", "Finland tightens rules on peat", false)] // "fin", but not "find"
    [InlineData("NavigationStart", "Find us on Facebook", true)]
    [InlineData("NavigationStart", "Fi\u212Ad us on Facebook", true)] // a non-ASCII character where the literal has a letter
    [InlineData("NavigationStart", "Fin", false)] // shorter than every literal with its key
    [InlineData("LinkLineStart", "Alsoread", true)]
    [InlineData("LinkLineStart", "Also", true)]
    [InlineData("LinkLineStart", "Als", false)]
    [InlineData("SocialWordsStart", "Xi Jinping met", true)]
    public void Gate_ComparesTheWholeLiteral(string gate, string line, bool expected) =>
        Assert.Equal(expected, Field<PrefixGate>(gate).MayMatch(line));

    [Theory]
    [InlineData("o\u212A")] // "ok" with the Kelvin sign: the regex takes it, StartsWith(OrdinalIgnoreCase) does not
    [InlineData("OK")]
    [InlineData("Okay then")]
    public void ConsentButtons_StillNeedAButtonWordAsStartsWithComparesIt(string line)
    {
        var startsWith = Field<string[]>("ConsentButtonWords").Any(w => line.StartsWith(w, StringComparison.OrdinalIgnoreCase));
        var method = typeof(LineRules).GetMethod("StartsWithButtonWord", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Equal(startsWith, (bool)method.Invoke(null, [line])!);
    }

    [Fact]
    public void ButtonStart_PassesEveryLineStartingWithAButtonWord()
    {
        var gate = Field<PrefixGate>("ButtonStart");
        foreach (var word in Field<string[]>("ConsentButtonWords"))
        {
            Assert.True(gate.MayMatch(word));
            Assert.True(gate.MayMatch(word.ToUpperInvariant() + " all cookies"));
            // OrdinalIgnoreCase equates the dotless i with I: such a line starts with the button word too.
            Assert.True(gate.MayMatch(word.Replace('i', 'ı') + " x"));
        }
    }

    // Words and separators of the gated patterns, glued at random: lines that often match, and near misses.
    private static readonly string[] Pieces =
    [
        "also", "read", "more", "related", "see", "watch", "top", "stories", "news", "latest", "you", "may", "like", "click", "here",
        "https://", "www.", "x", "most", "popular", "view", "all", "download", "the", "our", "app", "home", "menu", "share", "this",
        "article", "on", "tweet", "print", "email", "comments", "follow", "us", "join", "conversation", "be", "first", "to",
        "comment", "press", "release", "media", "contacts", "tel", "posted", "updated", "5", "12", "min", "hours", "ago", "page", "of",
        "next", "previous", "close", "window", "font", "size", "text", "a", "video", "player", "play", "now", "printer", "friendly",
        "version", "pdf", "save", "as", "facebook", "twitter", "whatsapp", "copy", "link", "sms", "rs.", "inr", "usd", "$", "€", "4.99",
        "/", "per", "month", " ", " ", " ", ":", "|", "-", "»", ">", "›", "•", ",", "(", ")", ".", "...", "'", "\t", "\u212A", "ı", "é",
    ];

    [Property(MaxTest = 3000)]
    public void Gates_PassEveryLineTheirRegexMatches(int[] picks, bool upper)
    {
        var line = string.Concat((picks ?? []).Take(8).Select(p => Pieces[(int)((uint)p % Pieces.Length)]));
        if (upper) line = line.ToUpperInvariant();
        foreach (var (regex, gate) in Gated)
            if (Field<Regex>(regex).IsMatch(line)) Assert.True(Field<PrefixGate>(gate).MayMatch(line), $"{gate} rejects '{line}'");
    }
    [Fact]
    public void CaseInsensitiveRegex_EquatesWithAsciiLettersWhatOrdinalIgnoreCaseEquates_ExceptKelvinSign()
    {
        // The trigger scan compares as OrdinalIgnoreCase: for a literal without 'k' it finds every place a case-insensitive
        // invariant regex can match that literal. Checked over the whole BMP.
        var differences = new List<string>();
        for (char letter = 'a'; letter <= 'z'; letter++)
        {
            var regex = new Regex("^" + letter + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
            for (int c = 0; c <= char.MaxValue; c++)
            {
                if (char.IsSurrogate((char)c)) continue;
                var text = ((char)c).ToString();
                if (regex.IsMatch(text) != string.Equals(text, letter.ToString(), StringComparison.OrdinalIgnoreCase))
                    differences.Add($"{letter}:U+{c:X4}");
            }
        }
        Assert.Equal(["k:U+212A"], differences);
    }

    // CaptionMarker as it was, one alternation; the rule is its old gate and this regex.
    private static readonly Regex OriginalCaptionMarker = new(
        @"(\[\s*(photo|image|picture|video)[^\]]{0,80}\])|(\(\s*(\w+\s+){0,2}(photo|photos|image|picture|file photo|file)\s*(/|:|\)|by\b|credit))|" +
        @"(^(photo|photos|image|picture|file photo|photograph|caption|pic|video grab|screengrab)\s*(:|/|\||-|–))|(^file (photo|image|picture)\b)|" +
        @"(getty images|photo credit|image credit|image source|\(photo\)|\(file\)|/\s*afp\s*photo|afp photo|ap photo|reuters/|xinhua/|/xinhua|photo/)|" +
        @"\b(photo|photograph|image|picture|pic)s?\s*:\s*\S[^.]{0,60}$|\bin this (undated |file |handout |recent )?(photo|picture|image|video grab)|" +
        @"\b(via|/)\s*(reuters|ap|afp|getty|epa|xinhua|kcna|yonhap)\s*\)?\.?$|\bhandout (photo|picture|image|via)|" +
        @"(^\(?|[.)]\s{1,3}\(?|\s\()(credit|credits|photo credit|courtesy)\s*:\s*[^.]{1,80}$",
        RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static bool OriginalCaption(string line) =>
        LineRules.CaptionMayMatch(line, LineRules.Triggers.Scan(line)) && OriginalCaptionMarker.IsMatch(line);

    [Theory]
    [InlineData("Crowds at the port. [Photo: Jane Roe]")]
    [InlineData("Crowds at the port. [ video still ]")]
    [InlineData("Crowds at the port. (PHOTO / AGENCIES)")]
    [InlineData("Crowds at the port (File photo: Jane Roe)")]
    [InlineData("Crowds at the port (Jane Roe file)")]
    [InlineData("Photo: Jane Roe")]
    [InlineData("Photograph - Jane Roe")]
    [InlineData("Caption: crowds at the port")]
    [InlineData("Pic / Jane Roe")]
    [InlineData("Video grab: crowds")]
    [InlineData("Screengrab | crowds")]
    [InlineData("File image of the port")]
    [InlineData("Crowds at the port. Getty Images")]
    [InlineData("Crowds at the port (file)")]
    [InlineData("Crowds at the port / AFP photo")]
    [InlineData("Crowds at the port. Reuters/Jane Roe")]
    [InlineData("Crowds at the port. Jane Roe/Xinhua")]
    [InlineData("Crowds at the port. pics: Jane Roe")]
    [InlineData("In this undated photo, crowds at the port")]
    [InlineData("In this video grab, crowds at the port")]
    [InlineData("Crowds at the port via Reuters.")]
    [InlineData("Crowds at the port via\tAP")]
    [InlineData("Crowds at the port /AP)")]
    [InlineData("A handout picture of the port")]
    [InlineData("Crowds at the port. Credit: Example Times/Jane Roe")]
    [InlineData("Crowds at the port (Courtesy: Jane Roe / Example)")]
    [InlineData("Courtesy: Jane Roe")]
    [InlineData("The minister discussed the topic: trade and the file on tariffs")]
    [InlineData("Bolivia's aviation authority said on Monday that flights resumed.")]
    public void IsCaptionMarker_DecidesAsTheSingleAlternation(string line) =>
        Assert.Equal(OriginalCaption(line), LineRules.IsCaptionMarker(line));

    private static readonly string[] CaptionPieces =
    [
        "photo", "photos", "photograph", "image", "picture", "pic", "video", "grab", "file", "caption", "screengrab", "getty", "images",
        "credit", "credits", "source", "courtesy", "handout", "via", "in", "this", "undated", "recent", "afp", "ap", "reuters", "xinhua",
        "kcna", "yonhap", "epa", "by", "jane", "roe", "port", "topic", "profile", "the", " ", " ", " ", "  ", "\t", "[", "]", "(", ")", "/",
        ":", ".", "|", "-", "–", ",", "\u212A", "ı", "ſ", "é",
    ];

    [Property(MaxTest = 5000)]
    public void IsCaptionMarker_DecidesAsTheSingleAlternation_OnLinesOfCaptionWords(int[] picks, bool upper)
    {
        var line = string.Concat((picks ?? []).Take(10).Select(p => CaptionPieces[(int)((uint)p % CaptionPieces.Length)]));
        if (upper) line = line.ToUpperInvariant();
        Assert.Equal(OriginalCaption(line), LineRules.IsCaptionMarker(line));
    }

    private static readonly string[] OriginalPaywallWeakTriggers =
        ["subscri", "log", "sign", "newsletter", "paper", "premium", "month", "year", "offer", "digital", "register"];

    private static readonly string[] PaywallWeakPieces =
    [
        "subscribe", "subscription", "subscriber", "log", "login", "in", "sign", "up", "newsletter", "newsletters", "e", "-", "paper",
        "premium", "per", "month", "year", "/", "special", "limited", "offer", "digital", "access", "edition", "plan", "plans", "replica",
        "register", "registered", "five", "the", " ", " ", " ", "  ", "\u212A", "ı", "ſ",
    ];

    [Property(MaxTest = 5000)]
    public void PaywallWeakTriggers_GateAsTheShorterOnes_WhereverTheRegexMatches(int[] picks, bool upper)
    {
        // The specific literals pass a line the regex matches exactly when the short ones did.
        var line = string.Concat((picks ?? []).Take(8).Select(p => PaywallWeakPieces[(int)((uint)p % PaywallWeakPieces.Length)]));
        if (upper) line = line.ToUpperInvariant();
        if (!Field<Regex>("PaywallWeak").IsMatch(line)) return;
        bool Gate(string[] literals) => literals.Any(l => line.Contains(l, StringComparison.OrdinalIgnoreCase));
        Assert.True(Gate(OriginalPaywallWeakTriggers));
        Assert.True(Gate(Field<string[]>("PaywallWeakTriggers")), $"'{line}'");
    }
    [Property(MaxTest = 2000)]
    public void BylineRegex_MatchesOnlyLinesOpeningWithTheLettersTheGateChecks(int[] picks)
    {
        string[] pieces = ["By", "BY", "by", "bY", "Written", "Words", "Story", "Reported", "by", " ", "\t", "Jane", "ROE", "é", "\u212A", "ſ", "(", "-"];
        var line = string.Concat((picks ?? []).Take(6).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        if (Field<Regex>("BylineRegex").IsMatch(line)) Assert.Contains(line[0], "BWSR");
    }
    [Theory]
    [InlineData("Regular Press Conference on March 14, 2023")]
    [InlineData("Daily press briefing")]
    [InlineData("NEWS CONFERENCE")]
    [InlineData("News briefing")]
    [InlineData("Media Briefing by the minister")]
    [InlineData("Remarks by the minister")]
    [InlineData("Remar\u212As by the minister")] // the Kelvin sign is 'k' to the regex
    [InlineData("Transcript of the session")]
    [InlineData("Interview with the minister")]
    [InlineData("Press release")]
    public void TranscriptGate_PassesEveryAlternativeOfTheHeadingPattern(string line)
    {
        var regex = Member<Regex>(typeof(DocumentCleaner), "TranscriptHeading");
        Assert.Matches(regex, line);
        Assert.True(LineRules.MayBeTranscriptHeading(LineRules.ScanTriggers(line)));
    }

    [Property(MaxTest = 2000)]
    public void TranscriptGate_PassesEveryLineThePatternMatches(int[] picks)
    {
        string[] pieces = ["press", "news", "media", "conference", "briefing", "remarks", "rema", "\u212A", "s", "transcript", "interview",
            "release", " ", " ", "of", "the", "ı", "ſ"];
        var line = string.Concat((picks ?? []).Take(6).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        var regex = Member<Regex>(typeof(DocumentCleaner), "TranscriptHeading");
        if (regex.IsMatch(line)) Assert.True(LineRules.MayBeTranscriptHeading(LineRules.ScanTriggers(line)), line);
    }
    private static bool MayBeCreditSignoff(string line) =>
        (bool)typeof(LineRules).GetMethod("MayBeCreditSignoff", BindingFlags.NonPublic | BindingFlags.Static)!
            .Invoke(null, [line, LineRules.ScanTriggers(line)])!;

    [Theory]
    [InlineData("(Reporting by Jane Roe; Editing by John Doe)")]
    [InlineData("Additional reporting by Jane Roe")]
    [InlineData("( writing by Jane Roe )")]
    [InlineData("Editing by John Doe.")]
    [InlineData("Compiled by the desk")]
    [InlineData("Edited by John Doe")]
    [InlineData("Written by Jane Roe")]
    [InlineData("Produced by Jane Roe")]
    [InlineData("Translated from the French")]
    [InlineData("With inputs from PTI")]
    [InlineData("Inputs from agencies")]
    [InlineData("(ENDS)")]
    [InlineData("end")]
    [InlineData("Enditem")]
    [InlineData("###")]
    [InlineData("( *** )")]
    [InlineData("jroe@example.com")]
    [InlineData("[Editor: Li Ming]")]
    [InlineData("[ web editor : Li ]")]
    [InlineData("Responsible editor: Li")]
    [InlineData("Chief editor: Li")]
    [InlineData("Translator: Li")]
    [InlineData("Reporter: Li")]
    [InlineData("Writer: Li")]
    [InlineData("Jane Roe contributed reporting to this story.")]
    [InlineData("(\u00A0Reporting by Jane Roe)")]
    public void CreditSignoffGate_PassesEveryAlternative(string line)
    {
        Assert.Matches(Field<Regex>("CreditSignoff"), line);
        Assert.True(MayBeCreditSignoff(line));
        Assert.True(MayBeCreditSignoff(line.ToUpperInvariant()));
    }

    [Property(MaxTest = 3000)]
    public void CreditSignoffGate_PassesEveryLineThePatternMatches(int[] picks, bool upper)
    {
        string[] pieces = ["(", ")", "[", "]", " ", " ", "\t", "\u00A0", "additional", "reporting", "writing", "editing", "by", "from",
            "compiled", "edited", "written", "produced", "translated", "with", "inputs", "ends", "end", "enditem", "###", "***", "editor",
            "web", "responsible", "chief", "translator", "reporter", "writer", ":", "jane", "roe", "@", "example.com", ".", "contributed",
            "to", "this", "story", "\u212A", "ı"];
        var line = string.Concat((picks ?? []).Take(8).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        if (upper) line = line.ToUpperInvariant();
        if (Field<Regex>("CreditSignoff").IsMatch(line)) Assert.True(MayBeCreditSignoff(line), $"'{line}'");
    }
    [Fact]
    public void CharIsUpper_IsTheRegexClassOfCapitals()
    {
        // The dateline gate reads \p{Lu} as char.IsUpper.
        var lu = new Regex(@"^\p{Lu}$", RegexOptions.CultureInvariant);
        for (int c = 0; c <= char.MaxValue; c++)
            if (lu.IsMatch(((char)c).ToString()) != char.IsUpper((char)c)) Assert.Fail($"U+{c:X4}");
    }

    [Property(MaxTest = 3000)]
    public void UpperDatelineGate_PassesEveryLineThePatternMatches(int[] picks)
    {
        string[] pieces = ["BEIJING", "NEW", "DELHI", "St.", "O'HARE", "Beijing", "É", "Ω", "x", " ", "  ", "-", "--", "–", "—", ":", ",", "March 1",
            "(Reuters)", "(", ")", "\u00A0", "\t", "The", "city"];
        var line = string.Concat((picks ?? []).Take(8).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        var regex = Member<Regex>(typeof(DocumentCleaner), "UpperDateline");
        if (regex.IsMatch(line)) Assert.True(DocumentCleaner.MayBeUpperDateline(line), $"'{line}'");
    }
}
