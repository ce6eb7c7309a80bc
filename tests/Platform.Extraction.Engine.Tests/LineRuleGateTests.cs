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
    private static T Field<T>(string name) =>
        (T)typeof(LineRules).GetField(name, BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

    // (regex field, gate field) pairs.
    private static readonly (string Regex, string Gate)[] Gated =
    [
        ("LinkLine", "LinkLineStart"), ("Navigation", "NavigationStart"), ("SocialWords", "SocialWordsStart"), ("Price", "PriceStart"),
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
}
