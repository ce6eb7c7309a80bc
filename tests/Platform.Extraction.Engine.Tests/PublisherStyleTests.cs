namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// Layouts of other publishers (written for these tests, invented content): the cleaner's rules must hold beyond
/// the sample corpus.
/// </summary>
public class PublisherStyleTests
{
    private static readonly ExtractionEngine Engine = new();

    [Fact]
    public void ExtractText_WireWithPersonBylineAndReadTime_TakesAgencyFromDateline()
    {
        const string text = """
            Oil prices climb as supply worries deepen
            By Anna Kowalska
            3 Min Read
            LONDON (Reuters) - Oil prices rose on Tuesday as traders worried about tighter supplies from producers in the Gulf.
            "Supply is tight and inventories are falling faster than expected," said John Smith, an analyst at a London brokerage.
            Reporting by Anna Kowalska; Editing by Mark Potter
            Our Standards: The Thomson Reuters Trust Principles.
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("Oil prices climb as supply worries deepen", e.Title);
        Assert.Equal("Reuters", e.Source);
        Assert.Equal("Anna Kowalska", e.Byline);
        Assert.Equal("LONDON", e.Dateline);
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.DoesNotContain("Min Read", e.Body);
        Assert.DoesNotContain("Editing by", e.Body);
        Assert.DoesNotContain("Trust Principles", e.Body);
    }

    [Fact]
    public void ExtractText_ArchiveFooter_GivesPublicationDateAndSource()
    {
        const string text = """
            Ministers face vote on school funding

            Ministers will face a Commons vote next week on plans to change how schools in England are funded.

            Education Secretary Jane Smith said the reforms would make funding fairer for rural areas.

            Story from BBC NEWS:
            http://news.example.co.uk/go/pr/fr/-/1/hi/education/1234567.stm

            Published: 2004/02/07 12:34:56 GMT

            © BBC MMIV
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("Ministers face vote on school funding", e.Title);
        Assert.Equal("2004-02-07", e.PublishedAt);
        Assert.Equal("BBC NEWS", e.Source);
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.DoesNotContain("http", e.Body);
    }

    [Fact]
    public void ExtractText_StandfirstBylineAndDateUnderHeadline_KeepsStandfirstAndDropsBylineAndDate()
    {
        const string text = """
            UK inflation falls as food prices ease
            Official figures show the lowest rate of price rises for more than two years
            Jane Doe Economics correspondent
            Wed 17 Apr 2024 07.00 BST
            Inflation in the UK fell to 3.2% in March, its lowest level since September 2021, as food prices rose more slowly.
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("UK inflation falls as food prices ease", e.Title);
        Assert.Equal("2024-04-17", e.PublishedAt);
        Assert.Equal(
            "Official figures show the lowest rate of price rises for more than two years\n\n" +
            "Inflation in the UK fell to 3.2% in March, its lowest level since September 2021, as food prices rose more slowly.",
            e.Body);
    }

    [Fact]
    public void ExtractText_SourcePrefixedHeader_TakesSourceAndDate()
    {
        const string text = """
            Beijing urges restraint after border incident
            Source: Global Times Published: 2020/6/17 21:09:55

            China on Wednesday urged both sides to exercise restraint after the incident, the foreign ministry said.
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("Global Times", e.Source);
        Assert.Equal("2020-06-17", e.PublishedAt);
        Assert.Equal([("Wednesday", "2020-06-17")], e.DateValues());
    }

    [Fact]
    public void ExtractText_AgencyCreditLineUnderHeadline_IsTheSource()
    {
        const string text = """
            India and Japan sign rail agreement
            PTI
            UPDATED: March 1, 2019 21:09 IST
            NEW DELHI: India and Japan signed an agreement on Friday to build a second high-speed rail corridor, officials said.
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("PTI", e.Source);
        Assert.Equal("2019-03-01", e.PublishedAt);
        Assert.Equal("NEW DELHI", e.Dateline);
        Assert.Single(e.Paragraphs);
    }

    [Fact]
    public void ExtractText_WireWithEmailAndEndMarker_DropsThemAndKeepsLeadTag()
    {
        const string text = """
            (LEAD) Ferry service to island resumes after storm
            By Kim Soo-yeon
            SEOUL, March 1 (Yonhap) -- Ferry services to Jeju Island resumed on Friday after a two-day suspension caused by strong winds.
            About 20 ferries were expected to sail by the evening, port officials said.
            sooyeon@example.co.kr
            (END)
            """;
        var e = Engine.ExtractText(text);

        Assert.Equal("(LEAD) Ferry service to island resumes after storm", e.Title);
        Assert.Equal("Yonhap", e.Source);
        Assert.Equal("SEOUL", e.Dateline);
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.DoesNotContain("@", e.Body);
    }

    [Fact]
    public void ExtractText_BulletList_IsKeptAsArticleText()
    {
        const string text = """
            Council sets out budget priorities

            The council published its budget priorities for next year on Monday. They include:
            - More money for road repairs
            - Longer library opening hours
            The plan will be debated by councillors later this month.
            """;
        var e = Engine.ExtractText(text);

        Assert.Contains("- More money for road repairs", e.Body);
        Assert.Contains("- Longer library opening hours", e.Body);
        Assert.DoesNotContain(e.Removed, r => r.Reason != "title");
    }
}
