namespace Platform.Extraction.Engine.Tests;

/// <summary>Title, publication date, source, byline and dateline (GUIDELINES sections 1 and 2).</summary>
public class MetadataTests
{
    [Fact]
    public void Extract_HeaderLineThenParagraph_HasNoTitleAndTakesSourceAndDateFromHeader()
    {
        var e = Samples.Extract("wire-port-expansion.txt");

        Assert.Equal("", e.Title);
        Assert.Equal("2021-04-16", e.PublishedAt);
        Assert.Equal("AFP", e.Source);
    }

    [Fact]
    public void Extract_HeaderHeadlineByline_SetsAllFields()
    {
        var e = Samples.Extract("web-wind-farm.txt");

        Assert.Equal("Offshore wind farm off Scotland clears final planning hurdle", e.Title);
        Assert.Equal("2022-10-04", e.PublishedAt);
        Assert.Equal("2022-10-05", e.UpdatedAt);
        Assert.Equal("Reuters", e.Source);
        Assert.Equal("Reuters", e.Byline);
        Assert.Equal("EDINBURGH", e.Dateline);
    }

    [Fact]
    public void Extract_DatedTranscriptHeading_IsTitleDateAndIssuingBody()
    {
        var e = Samples.Extract("trade-ministry-press-conference.txt");

        Assert.Equal("Trade Ministry Spokesperson Elena Varga's Regular Press Conference on March 14, 2023", e.Title);
        Assert.Equal("2023-03-14", e.PublishedAt);
        Assert.Equal("Trade Ministry", e.Source);
    }

    [Theory]
    [InlineData("Remarks by Health Ministry Spokesman Omar Haddad at the Press Briefing on 2 May 2022", "Health Ministry", "2022-05-02")]
    [InlineData("Transport Department's Press Briefing on June 3, 2021", "Transport Department", "2021-06-03")]
    public void ExtractText_DatedTranscriptHeadingVariants_GiveIssuingBodyAndDate(string heading, string source, string date)
    {
        var e = new ExtractionEngine().ExtractText(heading + "\n\nQ: Can you give us an update on the measures?\n\nA: The measures remain in place until further notice.");

        Assert.Equal(heading, e.Title);
        Assert.Equal(source, e.Source);
        Assert.Equal(date, e.PublishedAt);
        Assert.Single(e.Transcript);
    }

    [Fact]
    public void Extract_FirstLineIsParagraph_IsNeverPromotedToTitleAndNothingIsGuessed()
    {
        var e = Samples.Extract("no-headline-drought.txt");

        Assert.Equal("", e.Title);
        Assert.Equal("", e.PublishedAt);
        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_HeadlineWithoutHeader_HasTitleButNoDateOrSource()
    {
        var e = Samples.Extract("caption-under-headline.txt");

        Assert.Equal("Finland tightens rules on peat extraction to protect wetlands", e.Title);
        Assert.Equal("", e.PublishedAt);
        Assert.Equal("", e.Source);
    }

    [Fact]
    public void Extract_Html_TakesMetadataFromMetaTags()
    {
        var e = Samples.Extract("html-museum-reopening.html");

        Assert.Equal("City museum reopens after five-year renovation", e.Title);
        Assert.Equal("2022-09-17", e.PublishedAt);
        Assert.Equal("The Lakeside Courier", e.Source);
        Assert.Equal("Hannah Weber", e.Byline);
        Assert.Equal("LUCERNE", e.Dateline);
        Assert.Equal("text/html", e.MediaType);
    }

    [Fact]
    public void Extract_AnySample_SetsEngineVersionLanguageAndMediaType()
    {
        foreach (var name in Samples.All())
        {
            var e = Samples.Extract(name);
            Assert.Equal(EngineInfo.Version, e.EngineVersion);
            Assert.Equal("en", e.Language);
            Assert.NotEqual("", e.MediaType);
        }
    }

    [Theory]
    [InlineData("WASHINGTON (Reuters) - The Senate passed the bill on a narrow vote late in the evening.", "WASHINGTON", "Reuters")]
    [InlineData("NEW DELHI, March 3 (IANS) - India's exports rose for a third straight month in February.", "NEW DELHI", "IANS")]
    [InlineData("Nairobi, June 2 (Xinhua) -- Kenya's central bank held its key rate steady at its meeting.", "Nairobi", "Xinhua")]
    [InlineData("SEOUL, South Korea (AP) — North Korea fired two short-range missiles into the sea on Thursday.", "SEOUL", "AP")]
    public void ExtractText_DatelineWithAgencyCredit_SetsDatelineAndSource(string paragraph, string dateline, string source)
    {
        var e = new ExtractionEngine().ExtractText(paragraph);

        Assert.Equal(dateline, e.Dateline);
        Assert.Equal(source, e.Source);
        Assert.StartsWith(dateline, e.Body);
    }

    [Fact]
    public void ExtractText_BroadcasterCreditBeforeText_IsTheSource()
    {
        var e = new ExtractionEngine().ExtractText("(CNN)North Korea fired two missiles on Thursday, South Korean officials said.");
        Assert.Equal("CNN", e.Source);
        Assert.Equal("", e.Dateline);
    }

    [Fact]
    public void ExtractText_OnlyUpdatedTimeStated_IsThePublicationDate()
    {
        var e = new ExtractionEngine().ExtractText("Rates left unchanged\nTNN | Updated: Mar 1, 2019, 21:09 IST\n\nThe central bank left its key rate unchanged on Friday, citing slowing growth.");
        Assert.Equal("2019-03-01", e.PublishedAt);
        Assert.Equal("TNN", e.Source);
        Assert.Equal("Rates left unchanged", e.Title);
    }

    [Fact]
    public void ExtractText_AgencyCitedInText_IsNotTheSource()
    {
        const string text = "Talks stall over border crossings\n\nThe talks ended without agreement, according to South Korean news agency Yonhap, and a spokesman told BBC News that no date had been set for a new round.";
        var e = new ExtractionEngine().ExtractText(text);

        Assert.Equal("", e.Source);
    }

    [Theory]
    [InlineData("By Jane Doe, Reuters", "Jane Doe, Reuters", "Reuters")]
    [InlineData("By Xinhua", "Xinhua", "Xinhua")]
    [InlineData("By Jane Doe", "Jane Doe", "")]
    [InlineData("By Jane Doe in Brussels", "Jane Doe in Brussels", "")]
    public void ParseByline_NamesAndPublisher(string line, string byline, string source)
    {
        Assert.True(Cleaning.LineRules.TryParseByline(line, out var b, out var s));
        Assert.Equal(byline, b);
        Assert.Equal(source, s);
    }

    [Theory]
    [InlineData("Xinhua Published: 2019-03-01 21:09:55", "Xinhua", "2019-03-01", null)]
    [InlineData("Published: 10:58, May 25, 2020 | Updated: 01:58, June 6, 2023", "", "2020-05-25", "2023-06-06")]
    [InlineData("Updated: 7 March 2003 14:00 GMT", "", null, "2003-03-07")]
    [InlineData("Friday, March 1, 2019 9:00 AM", "", "2019-03-01", null)]
    [InlineData("Published : Mar 1, 2019 - 21:09 Updated : Mar 2, 2019 - 10:00", "", "2019-03-01", "2019-03-02")]
    [InlineData("World | Press Trust of India | Updated: March 01, 2019 21:09 IST", "Press Trust of India", null, "2019-03-01")]
    [InlineData("TNN | Updated: Mar 1, 2019, 21:09 IST", "TNN", null, "2019-03-01")]
    [InlineData("Published: 9:00pm, 1 Mar, 2019", "", "2019-03-01", null)]
    [InlineData("Mon 4 Mar 2019 12.00 GMT", "", "2019-03-04", null)]
    [InlineData("Source: Xinhua| 2019-03-01 21:09:55|Editor: huaxia", "Xinhua", "2019-03-01", null)]
    [InlineData("By Jane Doe | chinadaily.com.cn | Updated: 2019-03-01 09:51", "chinadaily.com.cn", null, "2019-03-01")]
    [InlineData("(People's Daily Online) 14:28, March 01, 2019", "People's Daily Online", "2019-03-01", null)]
    [InlineData("IANS | Beijing Last Updated at March 1, 2019 21:09 IST", "IANS", null, "2019-03-01")]
    [InlineData("By Zhang Wei | China Daily | Updated: 2019-03-01 07:29", "China Daily", null, "2019-03-01")]
    public void ParseHeader_ReadsSourceAndDates(string line, string source, string? published, string? updated)
    {
        var h = Cleaning.LineRules.TryParseHeader(line);

        Assert.NotNull(h);
        Assert.Equal(source, h.Source);
        Assert.Equal(published, h.Published?.ToString("yyyy-MM-dd"));
        Assert.Equal(updated, h.Updated?.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public void ParseHeader_SentenceMentioningPublication_IsNotAHeader() =>
        Assert.Null(Cleaning.LineRules.TryParseHeader("The report was published on March 1, 2019 by the ministry."));
}
