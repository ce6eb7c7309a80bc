namespace Platform.Extraction.Engine.Tests;

/// <summary>Boilerplate removal (GUIDELINES section 1) on the project's own sample documents.</summary>
public class CleaningTests
{
    [Fact]
    public void Extract_WireStory_RemovesHeaderCaptionSignoffDeskCodeDisclaimerAndPaywall()
    {
        var e = Samples.Extract("wire-port-expansion.txt");

        Assert.Equal(["header"], e.RemovedReasons("AFP Published:"));
        Assert.Equal(["caption"], e.RemovedReasons("Container cranes at the Maasvlakte"));
        Assert.Equal(["signoff"], e.RemovedReasons("--AFP"));
        Assert.Equal(["desk-code"], e.RemovedReasons("jm/ksk"));
        Assert.Equal(["disclaimer"], e.RemovedReasons("Disclaimer:"));
        Assert.Equal(["paywall"], e.RemovedReasons("€4.99/month"));
        Assert.Equal(["paywall"], e.RemovedReasons("Digital Basic"));
        Assert.Equal(["paywall"], e.RemovedReasons("Unlimited articles on any device"));
        Assert.DoesNotContain("{{", e.Body);
        Assert.DoesNotContain("Subscribe", e.Body);
        Assert.EndsWith("De Vries said.", e.Body);
        Assert.Equal(6, e.Paragraphs.Count);
    }

    [Fact]
    public void Extract_WebPage_RemovesLinkLinesCaptionAndRepeatedParagraph()
    {
        var e = Samples.Extract("web-wind-farm.txt");

        Assert.Equal(["link"], e.RemovedReasons("ALSO READ:"));
        Assert.Equal(["link"], e.RemovedReasons("READ MORE:"));
        Assert.Equal(["caption"], e.RemovedReasons("Workers assemble turbine blades"));
        Assert.Equal(["duplicate"], e.RemovedReasons("Energy Secretary Michael Grant said"));
        Assert.Equal(1, e.ParagraphTexts().Count(p => p.StartsWith("Energy Secretary Michael Grant said", StringComparison.Ordinal)));
        Assert.StartsWith("EDINBURGH - The Scottish government", e.Body);
    }

    [Fact]
    public void Extract_RepeatedBareCaptionUnderHeadline_RemovesBothOccurrences()
    {
        var e = Samples.Extract("caption-under-headline.txt");

        Assert.Equal(["caption", "caption"], e.RemovedReasons("Finnish Environment Minister Aino Lahti."));
        Assert.StartsWith("Finland will require permits", e.Body);
        Assert.Equal(4, e.Paragraphs.Count);
    }

    [Fact]
    public void Extract_Transcript_RemovesCmsLineAndKeepsQuestionAndAnswerMarkers()
    {
        var e = Samples.Extract("trade-ministry-press-conference.txt");

        Assert.Equal(["navigation"], e.RemovedReasons("Site CMS"));
        Assert.StartsWith("Q: On March 13,", e.Body);
        Assert.Contains("\n\nA: We have taken note", e.Body);
    }

    [Fact]
    public void Extract_SingleLineBreaks_MakeOneParagraphPerLineAndDropReportingCredit()
    {
        var e = Samples.Extract("no-headline-drought.txt");

        Assert.Equal(5, e.Paragraphs.Count);
        Assert.Equal(["signoff"], e.RemovedReasons("(Reporting by"));
        Assert.StartsWith("Farmers across southern Spain", e.Body);
    }

    [Fact]
    public void Extract_Html_KeepsArticleParagraphsOnly()
    {
        var e = Samples.Extract("html-museum-reopening.html");

        var paragraphs = e.ParagraphTexts();
        Assert.Equal(4, paragraphs.Length);
        Assert.StartsWith("LUCERNE - The city's history museum", paragraphs[0]);
        Assert.DoesNotContain("Visitors queue", e.Body);
        Assert.DoesNotContain("Lake ferry", e.Body);
        Assert.DoesNotContain("Share on", e.Body);
        Assert.DoesNotContain("newsletter", e.Body);
        Assert.DoesNotContain("Home", e.Body);
        Assert.DoesNotContain("dataLayer", e.Body);
    }

    [Fact]
    public void Extract_RemovedLines_CarryOneBasedLineNumbersOfTheInput()
    {
        var e = Samples.Extract("wire-port-expansion.txt");
        var lines = Samples.Text("wire-port-expansion.txt").Split('\n');

        Assert.NotEmpty(e.Removed);
        foreach (var r in e.Removed) Assert.Equal(lines[r.Line - 1].Trim(), r.Text);
    }

    [Theory]
    [InlineData("ALSO READ: Markets slide as rates rise", "link")]
    [InlineData("Read more: Ten things to know about the budget", "link")]
    [InlineData("RELATED: Floods hit northern provinces", "link")]
    [InlineData("Click here to watch the full interview", "link")]
    [InlineData("Related Articles", "link")]
    [InlineData("(PHOTO / XINHUA)", "caption")]
    [InlineData("The mayor speaks to residents. Photo: Jane Roe/Daily Star", "caption")]
    [InlineData("File photo of the parliament building", "caption")]
    [InlineData("A soldier stands guard in Kyiv. (AP Photo/Efrem Lukatsky)", "caption")]
    [InlineData("--IANS", "signoff")]
    [InlineData("-- Reuters", "signoff")]
    [InlineData("(Xinhua)", "signoff")]
    [InlineData("(Reporting by Ann Lee; Editing by Bob Kay)", "signoff")]
    [InlineData("qd/", "desk-code")]
    [InlineData("ksk/vd", "desk-code")]
    [InlineData("Disclaimer: Views are the author's own.", "disclaimer")]
    [InlineData("© 2024 Example Media Ltd. All rights reserved.", "disclaimer")]
    [InlineData("Subscribe now for unlimited access.", "paywall")]
    [InlineData("You've reached your limit of {{article_quota}} free articles.", "paywall")]
    [InlineData("₹2,700", "paywall")]
    [InlineData("Already subscribed? Log in", "paywall")]
    [InlineData("Share on Facebook", "navigation")]
    [InlineData("Home > World > Asia", "navigation")]
    [InlineData("Odd CMS - a page preview", "navigation")]
    [InlineData("4 min read", "navigation")]
    [InlineData("Our Standards: The Thomson Reuters Trust Principles.", "disclaimer")]
    [InlineData("___", "navigation")]
    [InlineData("Page 2 of 3", "navigation")]
    [InlineData("Associated Press writer Kim Tong-hyung in Seoul contributed to this report.", "signoff")]
    [InlineData("Enditem", "signoff")]
    [InlineData("(END)", "signoff")]
    [InlineData("desk@example-news.com", "signoff")]
    [InlineData("Story from BBC NEWS:", "signoff")]
    [InlineData("(Source: Xinhua)", "signoff")]
    [InlineData("Editor: Li Yan", "signoff")]
    [InlineData("[Print] [Close]", "navigation")]
    [InlineData("Close Window", "navigation")]
    [InlineData("Video PlayerClose", "navigation")]
    [InlineData("A leader inspects a factory in this undated photo released on March 1, 2019. KCNA via REUTERS", "caption")]
    [InlineData("Fishermen mend their nets on the quay in 1950. Courtesy: Port Archive", "caption")]
    [InlineData("Fishermen mend their nets on the quay (Courtesy: Port Archive)", "caption")]
    public void Classify_BoilerplateLine_ReturnsReason(string line, string reason) =>
        Assert.Equal(reason, Cleaning.LineRules.Classify(line));

    [Theory]
    [InlineData("The minister said the plan would be published on Friday and debated next week.")]
    [InlineData("- Higher pensions for retired teachers")]
    [InlineData("Both parties have said they subscribe to the principle of free trade, but talks have stalled for months.")]
    [InlineData("Home Secretary Jack Straw said the decision was final.")]
    [InlineData("The trial of the former mayor opened in the capital on Monday.")]
    [InlineData("\"We will not give up,\" she said.")]
    public void Classify_ArticleSentence_IsNotBoilerplate(string line) =>
        Assert.Null(Cleaning.LineRules.Classify(line));

    [Fact]
    public void ExtractText_HeadlineRepeatedAsFirstLineOfText_IsDropped()
    {
        var e = new ExtractionEngine().ExtractText("Storm closes schools\n\nStorm closes schools\n\nSchools across the region stayed closed on Monday as the storm brought heavy snow.");

        Assert.Equal("Storm closes schools", e.Title);
        Assert.Equal("Schools across the region stayed closed on Monday as the storm brought heavy snow.", e.Body);
    }

    [Fact]
    public void ExtractText_NearlyRepeatedParagraph_IsDroppedAndFirstKept()
    {
        const string text = "Headline about talks\n\n" +
            "The two governments agreed to resume talks on fishing rights next month, the foreign minister said in a statement.\n\n" +
            "Officials from both sides will meet in Oslo.\n\n" +
            "The two governments agreed to resume talks on fishing rights next month, the minister said in a statement\n";
        var e = new ExtractionEngine().ExtractText(text);

        Assert.Equal(2, e.Paragraphs.Count);
        Assert.Contains("the foreign minister said", e.Body);
        Assert.Single(e.Removed, r => r.Reason == "duplicate");
    }

    [Fact]
    public void ExtractText_HardWrappedLines_AreJoinedIntoOneParagraph()
    {
        const string text = "The committee published its report on the budget\nof the city, which was criticised by the opposition.\n\nA second paragraph follows here.";
        var e = new ExtractionEngine().ExtractText(text);

        Assert.Equal("The committee published its report on the budget of the city, which was criticised by the opposition.\n\nA second paragraph follows here.", e.Body);
    }
}
