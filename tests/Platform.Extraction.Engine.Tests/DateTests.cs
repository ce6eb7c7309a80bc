using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests;

/// <summary>Date mentions (GUIDELINES section 5).</summary>
public class DateTests
{
    private static readonly DateOnly Tuesday14March2023 = new(2023, 3, 14);

    private static (string Text, string Value)[] Dates(string body, DateOnly? published) =>
        DateExtractor.Extract(body, published).Select(d => (d.Text, d.Value)).ToArray();

    [Theory]
    [InlineData("The treaty was signed on 7 March 2003 in Rome.", "7 March 2003", "2003-03-07")]
    [InlineData("It took effect on March 1, 2019, officials said.", "March 1, 2019", "2019-03-01")]
    [InlineData("The filing is dated 2019-03-01.", "2019-03-01", "2019-03-01")]
    [InlineData("The vote is set for Sept. 21st, 2024.", "Sept. 21st, 2024", "2024-09-21")]
    public void Extract_FullDate_IsNormalisedWithoutPublicationDate(string body, string text, string value) =>
        Assert.Equal([(text, value)], Dates(body, null));

    [Fact]
    public void Extract_DateWithoutYear_TakesYearOfPublication() =>
        Assert.Equal([("March 13", "2023-03-13")], Dates("On March 13, the commission proposed new duties.", Tuesday14March2023));

    [Fact]
    public void Extract_DateWithoutYearLaterInTheYear_IsPreviousYear() =>
        Assert.Equal([("December 20", "2022-12-20")], Dates("The plant closed on December 20 after a fire.", Tuesday14March2023));

    [Theory]
    [InlineData("The dividend is payable on April 1.", "2023-04-01")]
    [InlineData("The inauguration would take place on August 25.", "2023-08-25")]
    [InlineData("Work must be completed by May 30, the council said.", "2023-05-30")]
    [InlineData("The factory closed on February 20 after a fire.", "2023-02-20")]
    [InlineData("The vote will be held on March 20.", "2023-03-20")]
    public void Extract_DateWithoutYear_IsTheOccurrenceNearestToPublication(string body, string value) =>
        Assert.Equal([value], DateExtractor.Extract(body, Tuesday14March2023).Select(d => d.Value));

    [Fact]
    public void Extract_WeekdayInReportedFuture_IsNextOccurrence() =>
        Assert.Equal([("Thursday", "2023-03-16")], Dates("The minister said she would present the plan on Thursday.", Tuesday14March2023));

    [Fact]
    public void Extract_FutureDateWithoutYear_IsNextOccurrence() =>
        Assert.Equal([("January 5", "2024-01-05")], Dates("The new rules will take effect on January 5.", Tuesday14March2023));

    [Fact]
    public void Extract_DateWithoutYear_WithoutPublicationDate_IsNotListed() =>
        Assert.Empty(Dates("On May 2, the ministers met in the capital.", null));

    [Theory]
    [InlineData("The ministry said Tuesday it would act.", "Tuesday", "2023-03-14")]
    [InlineData("The ministry said Friday it would act.", "Friday", "2023-03-10")]
    [InlineData("On early Monday morning the storm reached the coast.", "early Monday morning", "2023-03-13")]
    [InlineData("The minister will travel to Geneva on Friday for talks.", "Friday", "2023-03-17")]
    [InlineData("Talks resume next Tuesday in Geneva.", "Tuesday", "2023-03-21")]
    [InlineData("The leaders met last Tuesday in Geneva.", "Tuesday", "2023-03-07")]
    public void Extract_Weekday_IsResolvedAgainstPublication(string body, string text, string value) =>
        Assert.Equal([(text, value)], Dates(body, Tuesday14March2023));

    [Fact]
    public void Extract_Weekday_WithoutPublicationDate_IsNotListed() =>
        Assert.Empty(Dates("The ministry said on Sunday that talks would continue.", null));

    [Fact]
    public void Extract_WeekdayBeforeFullDate_IsPartOfTheDate() =>
        Assert.Equal([("March 1, 2019", "2019-03-01")], Dates("He spoke on Friday, March 1, 2019, in Hanoi.", new DateOnly(2019, 3, 1)));

    [Theory]
    [InlineData("Sales rose in March and fell again in 1984.")]
    [InlineData("The 1950-1953 war ended without a treaty.")]
    [InlineData("Prices may 5 percent higher, it said yesterday.")]
    public void Extract_MonthsYearsAndRelativeWords_AreNotDates(string body) =>
        Assert.Empty(Dates(body, Tuesday14March2023));

    [Fact]
    public void Extract_Spans_PointIntoTheBody()
    {
        const string body = "Officials said Monday that the bridge reopened on 2 January 2023.";
        foreach (var d in DateExtractor.Extract(body, Tuesday14March2023))
            Assert.Equal(d.Text, body.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void Extract_Samples_ResolveWeekdaysAgainstTheirHeaders()
    {
        Assert.Equal(
            [("Thursday", "2021-04-15"), ("29 May 2019", "2019-05-29"), ("Monday", "2021-04-19")],
            Samples.Extract("wire-port-expansion.txt").DateValues());
        Assert.Equal(
            [("March 13", "2023-03-13"), ("Friday", "2023-03-17"), ("Monday", "2023-03-13")],
            Samples.Extract("trade-ministry-press-conference.txt").DateValues());
        Assert.Equal([("7 March 2023", "2023-03-07")], Samples.Extract("no-headline-drought.txt").DateValues());
    }

    [Fact]
    public void Extract_DateInNoiseOrHeadline_IsNotListed()
    {
        // The caption of the wire sample holds "April 12, 2021".
        Assert.DoesNotContain(Samples.Extract("wire-port-expansion.txt").Dates, d => d.Value == "2021-04-12");
    }

    [Fact]
    public void Engine_DateInNonAsciiDigits_IsReadNotThrown()
    {
        // \d matches any Unicode decimal digit; reading them with int.Parse used to throw out of the engine.
        var e = new ExtractionEngine().ExtractText("Accord upheld\n\nThe accord signed on \u0663 March 2003 still holds, the court said on Friday.");
        Assert.Contains(e.Dates, d => d.Value == "2003-03-03");
    }
}
