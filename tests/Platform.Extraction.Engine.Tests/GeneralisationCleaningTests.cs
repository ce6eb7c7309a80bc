using Platform.Extraction.Engine.Cleaning;

namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// Header, source, boilerplate and title rules that must hold for any publisher's page layout (the project's own
/// example lines; none comes from an evaluation document).
/// </summary>
public class GeneralisationCleaningTests
{
    private static Platform.Contracts.Documents.V1.Extraction Extract(params string[] lines) =>
        new ExtractionEngine().ExtractText(string.Join("\n", lines));

    private const string Para1 = "Harbour officials on Monday approved a plan to rebuild the northern breakwater, the port authority said in a statement.";
    private const string Para2 = "Work is expected to take two years and will be paid for by the regional government and a European fund.";

    [Theory]
    [InlineData("Posted: March 3, 2024 9:05 AM PT | Updated: March 3, 2024 11:30 AM PT")]
    [InlineData("Published: 3 March 2024 at 9:05 a.m. CT")]
    [InlineData("Last updated: March 3, 2024, 21:05 NZDT")]
    [InlineData("Published: March 3, 2024 | 9:05 PM AEDT")]
    [InlineData("First Published: Mar 3 2024 | 09:05 GMT+1")]
    [InlineData("March 3, 2024 / 9:05 AM / Updated 2 hours ago")]
    [InlineData("By Mara Lind · Published March 3, 2024 · 4 min read")]
    [InlineData("Mar 03, 2024 | 09:05 IST | 2 min read")]
    public void Extract_HeaderWithAnyTimeZoneOrTimeOnlySegment_IsHeaderAndGivesPublicationDate(string header)
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", header, "", Para1, "", Para2);

        Assert.Equal("2024-03-03", e.PublishedAt);
        Assert.Equal(["header"], e.RemovedReasons(header[..12]));
        Assert.DoesNotContain(header[..12], e.Body);
        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
    }

    [Fact]
    public void Extract_CapitalWordAfterDateWithoutTime_IsNotReadAsTimeZone()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "Published: March 3, 2024 NATO", "", Para1);

        Assert.Equal("", e.PublishedAt);
    }

    [Fact]
    public void Extract_ConsentBannerAboveMastheadHeadlineAndHeader_IsRemovedAndHeadStillParsed()
    {
        var e = Extract(
            "This website uses cookies to improve your experience and to show you relevant offers from our partners.",
            "Reject all | Accept all cookies",
            "",
            "The Riverside Ledger",
            "",
            "Port approves breakwater rebuild after winter storms",
            "",
            "By Mara Lind | Published: Apr 2, 2024 at 6:10 p.m. ET",
            "",
            Para1, "", Para2);

        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
        Assert.Equal("2024-04-02", e.PublishedAt);
        Assert.Equal("The Riverside Ledger", e.Source);
        Assert.StartsWith("Harbour officials", e.Body);
        Assert.DoesNotContain("cookies", e.Body);
        Assert.DoesNotContain("Riverside Ledger", e.Body);
    }

    [Theory]
    [InlineData("The Quayside")]
    [InlineData("ANALYSIS")]
    public void Extract_ShortLineAboveHeadlineAndByline_IsNotTitle(string kicker)
    {
        var e = Extract(kicker, "", "Port approves breakwater rebuild after winter storms", "", "By Mara Lind", "", Para1, "", Para2);

        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
        Assert.Equal("", e.Source);
        Assert.StartsWith("Harbour officials", e.Body);
    }

    [Fact]
    public void Extract_UnknownMastheadConfirmedByCopyrightFooter_IsSource()
    {
        var e = Extract("The Quayside", "", "Port approves breakwater rebuild after winter storms", "", "By Mara Lind", "", Para1, "", Para2, "",
            "Copyright 2024 The Quayside. All rights reserved.");

        Assert.Equal("The Quayside", e.Source);
        Assert.DoesNotContain("Quayside", e.Body);
    }

    [Fact]
    public void Extract_HeaderWithEasternTimeThenFutureDates_ResolvesAgainstThePublicationDate()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "",
            "By Mara Lind | Published: Oct 8, 2024 at 7:15 a.m. ET", "",
            "The port said the first payment would be payable on December 1 and the board would meet on Thursday.");

        Assert.Equal("2024-10-08", e.PublishedAt);
        Assert.Contains(("December 1", "2024-12-01"), e.DateValues());
        Assert.Contains(("Thursday", "2024-10-10"), e.DateValues());
    }

    [Theory]
    [InlineData("The company expects to complete the cuts by September 30, it said.", "September 30", "2024-09-30")]
    [InlineData("The work must be finished by September 30.", "September 30", "2024-09-30")]
    [InlineData("The work had been finished by September 30, the report found.", "September 30", "2023-09-30")]
    [InlineData("The board aims to publish its plan on October 2.", "October 2", "2024-10-02")]
    [InlineData("The bill must be passed by Friday.", "Friday", "2024-03-08")]
    public void Extract_DeadlinesAndIntentions_PointAheadOfPublication(string sentence, string text, string value)
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "Published: 5 March 2024 | 10:00 CET", "", sentence);

        Assert.Contains((text, value), e.DateValues());
    }

    [Fact]
    public void Extract_MastheadSectionLine_IsNotTitleAndNamesPublisher()
    {
        var e = Extract("The Lakeland Sentinel | Local News", "", "Port approves breakwater rebuild after winter storms", "",
            "By Mara Lind", "Published: 2 April 2024", "", Para1, "", Para2);

        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
        Assert.Equal("The Lakeland Sentinel", e.Source);
        Assert.Equal(["navigation"], e.RemovedReasons("The Lakeland Sentinel |"));
    }

    [Fact]
    public void Extract_SectionBreadcrumbAboveHeadline_IsNotTitleAndNotSource()
    {
        var e = Extract("Business News | Markets", "", "Port approves breakwater rebuild after winter storms", "",
            "By Mara Lind", "Published: 2 April 2024", "", Para1, "", Para2);

        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_PhotoCopyrightCaptionAtEnd_IsNotSource()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "",
            "The damaged breakwater seen from the air. © Example Images");

        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_AgencyBeforeBylineRole_IsSource()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "By Omar Haddad, AP Diplomatic Correspondent",
            "Published: 2 April 2024", "", Para1);

        Assert.Equal("AP", e.Source);
    }

    [Theory]
    [InlineData("By MARA LIND Associated Press", "Associated Press")]
    [InlineData("By Mara Lind AFP", "AFP")]
    [InlineData("By Mara Mena", "")]
    [InlineData("By Rui Lusa", "")]
    public void Extract_BylineEndingWithAgencyName_IsSourceOnlyInTheAgencysSpelling(string byline, string source)
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", byline, "", Para1);

        Assert.Equal(source, e.Source);
    }

    [Fact]
    public void Extract_BylineWithPlainRole_HasNoSource()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "By Omar Haddad, Senior Transport Correspondent",
            "Published: 2 April 2024", "", Para1);

        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_AgencyAndPlaceLineWithoutDate_IsBylineAndSource()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "PTI | Kochi", "Updated: Apr 2 2024 | 5:10 PM IST", "",
            Para1, "", Para2);

        Assert.Equal("PTI", e.Source);
        Assert.Equal("2024-04-02", e.PublishedAt);
        Assert.Equal(["byline"], e.RemovedReasons("PTI | Kochi"));
    }

    [Fact]
    public void Extract_SlashAgencySignoff_IsRemovedAndNamesSource()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "", "/PTI");

        Assert.Equal("PTI", e.Source);
        Assert.Equal(["signoff"], e.RemovedReasons("/PTI"));
    }

    [Fact]
    public void Extract_DatelineWithRegionAndCountryInBrackets_GivesAgencyCredit()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "",
            "Kochi (Kerala) [India], April 2 (PTI): " + Para1, "", Para2);

        Assert.Equal("PTI", e.Source);
        Assert.Equal("Kochi", e.Dateline);
    }

    [Fact]
    public void Extract_CopyrightFooter_NamesPublisherWhenNothingElseDoes()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "",
            "© 2024 Harbour Daily Record. All rights reserved.");

        Assert.Equal("Harbour Daily Record", e.Source);
        Assert.DoesNotContain("©", e.Body);
    }

    [Fact]
    public void Extract_CopyrightFooterWithLegalForm_NamesPublisherWithoutIt()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "",
            "Copyright © 2024 Lowfield Examiner Ltd. All rights reserved.");

        Assert.Equal("Lowfield Examiner", e.Source);
    }

    [Fact]
    public void Extract_CopyrightFooterWithYearAfterName_NamesPublisher()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "", "© Harbour Daily Record 2024");

        Assert.Equal("Harbour Daily Record", e.Source);
    }

    [Fact]
    public void Extract_MastheadAboveBreadcrumbHeadlineAndStandfirst_IsNotTitle()
    {
        var e = Extract("Subscribe", "Lowfield Examiner", "Home > Business > Ports", "",
            "Port approves breakwater rebuild after winter storms", "", "Two-year project to be paid for by the region and the EU", "",
            "By Mara Lind", "Mar 5, 2024 Updated Mar 6, 2024", "", Para1, "", Para2, "",
            "Mara Lind covers transport for the Lowfield Examiner. Reach her at mlind@example.com.");

        Assert.Equal("Port approves breakwater rebuild after winter storms", e.Title);
        Assert.Equal("Lowfield Examiner", e.Source);
        Assert.Equal("2024-03-05", e.PublishedAt);
        Assert.Equal("2024-03-06", e.UpdatedAt);
        Assert.DoesNotContain("Reach her", e.Body);
    }

    [Fact]
    public void Extract_ReleaseWithLabelAndPlaceDateLine_HasHeadlineAndDate()
    {
        var e = Extract("Press release", "Lisbon, 4 June 2024", "Ministry opens tender for coastal defence works", "",
            "The Ministry of the Sea on Tuesday opened a tender for coastal defence works in 12 towns.", "",
            "Bids will be opened on 2 July.", "", "Media contacts", "Rui Sousa", "Press Officer", "Tel: +351 21 000 0000");

        Assert.Equal("Ministry opens tender for coastal defence works", e.Title);
        Assert.Equal("2024-06-04", e.PublishedAt);
        Assert.Contains(("2 July", "2024-07-02"), e.DateValues());
        Assert.DoesNotContain("Press Officer", e.Body);
        Assert.EndsWith("Bids will be opened on 2 July.", e.Body);
    }

    [Fact]
    public void Extract_NumberBetweenFutureVerbAndWeekday_KeepsTheFutureReading()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "Published: 5 March 2024 | 10:00 CET", "",
            "Crews will inspect 14 piers from Saturday, the authority said.");

        Assert.Contains(("Saturday", "2024-03-09"), e.DateValues());
    }

    [Fact]
    public void Extract_ClosingMastheadLineAfterLinks_NamesPublisher()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "",
            "Related: Storm damage bill rises to record high", "", "Northshore Evening Post");

        Assert.Equal("Northshore Evening Post", e.Source);
        Assert.DoesNotContain("Northshore", e.Body);
    }

    [Theory]
    [InlineData("READ MORE: Inside the Evening Post")]
    [InlineData("More from Northshore Evening Post")]
    [InlineData("Latest Business News")]
    public void Extract_ClosingLinkOrSectionLine_IsNotPublisher(string closing)
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", Para1, "", Para2, "",
            "Related: Storm damage bill rises to record high", "", closing);

        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_TranscriptHeadingWithEventWords_IssuingBodyIsTheOrganisation()
    {
        var e = Extract("Weekly Briefing of the Ministry of Transport Spokesperson, 4 May 2024", "",
            "Q: When will the new rail timetable start?", "", "A: The timetable will start in the autumn, as announced.");

        Assert.Equal("2024-05-04", e.PublishedAt);
        Assert.Equal("Ministry of Transport", e.Source);
    }

    [Theory]
    [InlineData("We use cookies and similar tools to understand how you use our site and to show you personalised advertising.")]
    [InlineData("Accept all | Reject all")]
    [InlineData("Manage preferences | Accept all")]
    [InlineData("Cookie settings")]
    [InlineData("Press release")]
    [InlineData("Harbour Index 4,210.5 +0.6% | Coastal 30 1,980.2 -1.2% | Brent $81.20 +0.4%")]
    [InlineData("Show comments")]
    [InlineData("Join the conversation")]
    [InlineData("Be the first to comment")]
    [InlineData("Download the Lowfield Examiner app")]
    [InlineData("Explore more on these topics")]
    [InlineData("Media contacts")]
    [InlineData("Tel: +44 20 7946 0000")]
    [InlineData("Posted 3h ago3 hours ago, updated 1h ago")]
    [InlineData("Rescue crews search the river bank at dawn.(Example Radio: Jo Pike)")]
    [InlineData("Cookie Policy: This website uses cookies. Click here to learn more.")]
    [InlineData("Jane Roe covers transport for the Example Post. Reach her at jroe@example.com.")]
    [InlineData("We value your privacy")]
    [InlineData("We and our partners store and access information on your device.")]
    [InlineData("Do not sell or share my personal information")]
    [InlineData("The breakwater after the storm (Credit: Jan Berg)")]
    [InlineData("Accept only essential cookies")]
    [InlineData("Get the Evening Briefing newsletter: the day's top stories in one email")]
    [InlineData("Enter your email address")]
    [InlineData("Your email")]
    [InlineData("By signing up you agree to our Privacy Notice and Terms.")]
    [InlineData("Share this story: Facebook | X | WhatsApp | Email")]
    [InlineData("Facebook   X   LinkedIn   Comments (3)")]
    [InlineData("Print-friendly version")]
    [InlineData("Text size: A A A")]
    [InlineData("Font size: A- A+")]
    [InlineData("Related video: Crews clear debris from the harbour wall")]
    [InlineData("Workers repair the harbour wall in March. Credit: Coastal Times/Jan Berg")]
    public void Classify_PageChromeLine_IsBoilerplate(string line)
    {
        Assert.NotNull(LineRules.Classify(line));
    }

    [Theory]
    [InlineData("The website uses cookies, the regulator said, and users were never asked for consent.")]
    [InlineData("Several readers wrote to the editor to say the new timetable was confusing.")]
    [InlineData("Officials said they would accept all the recommendations of the inquiry by the end of the year.")]
    [InlineData("The company said it would give credit to customers affected by the outage.")]
    [InlineData("Subscribers to the service were told about the change by email last week.")]
    [InlineData("Ministers reject all calls for an inquiry into harbour contracts")]
    [InlineData("Shares rose +2.5% and bonds fell -0.3% after the announcement.")]
    [InlineData("Wars of the region 1950 - 1953 and 1960 - 1965")]
    [InlineData("Regulator to accept only essential repairs before the summer")]
    [InlineData("By clicking the link, users agree to share their location, the complaint says.")]
    [InlineData("Fraudsters send messages to your inbox that look like bank alerts.")]
    public void Classify_ArticleSentenceMentioningChromeWords_IsKept(string line)
    {
        Assert.Null(LineRules.Classify(line));
    }

    [Fact]
    public void Extract_CaptionsBetweenBylineAndFirstParagraph_AreRemoved()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "By Mara Lind", "Published: 2 April 2024", "",
            "Engineer Tomas Brandt at the damaged northern breakwater in Harbourside.", "",
            "Crews inspect the broken sea wall after the second storm of the winter", "",
            Para1, "", Para2);

        Assert.Equal(["caption"], e.RemovedReasons("Engineer Tomas Brandt"));
        Assert.Equal(["caption"], e.RemovedReasons("Crews inspect"));
        Assert.StartsWith("Harbour officials", e.Body);
    }

    [Fact]
    public void Extract_HardWrappedFirstParagraphAfterByline_IsNotCaption()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "By Mara Lind", "Published: 2 April 2024", "",
            "Harbour officials on Monday approved a plan to rebuild the northern",
            "breakwater, the port authority said in a statement.", "", Para2);

        Assert.StartsWith("Harbour officials on Monday approved a plan to rebuild the northern breakwater, the port", e.Body);
        Assert.Empty(e.RemovedReasons("Harbour officials"));
    }

    [Theory]
    [InlineData("Harbour Master Ines Vidal in Harbourside won the vote on Monday.")]
    [InlineData("Lowfield Rovers on Saturday face their hardest test of the season.")]
    [InlineData("Transport Minister Ines Vidal on Friday announced a review of harbour fees.")]
    public void Extract_ShortFirstParagraphWithVerbAfterByline_IsKept(string first)
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "By Mara Lind", "Published: 2 April 2024", "",
            first, "", Para1);

        Assert.StartsWith(first, e.Body);
    }

    [Fact]
    public void Extract_FontSizeWidgetAboveFirstParagraph_IsNotTitle()
    {
        var e = Extract("Reuters | Published: 2 April 2024", "", "Text size: A A A", "", "OSLO - " + Para1, "", Para2);

        Assert.Equal("", e.Title);
        Assert.StartsWith("OSLO - Harbour officials", e.Body);
    }
}
