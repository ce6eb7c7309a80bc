using FsCheck.Xunit;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests.Text;

/// <summary>
/// The date stage with its candidate filters (whole month names, ISO separators after four digits) and its
/// allocation-free tense look-back finds exactly what the reference copy of the former version finds.
/// </summary>
public sealed class DateFastPathTests
{
    private static readonly string[] Pieces =
    [
        " ", " ", " ", "  ", ", ", ",", ". ", ".", "\n", "-", "/", "the ", "of ", "on ", "by ", "last ", "next ", "this ",
        "will ", "would ", "said ", "to ", "for ", "plan ", "plans ", "hopes ", "from ", "until ", "'ll ", "had ", "was ",
        "March", "Mar", "Mar.", "MARCH", "march", "May", "Mayor", "Market", "Sept", "Sep", "SEPT", "December", "Dec",
        "Junior", "Jun", "1", "7", "12", "31", "32", "2019", "12019", "2023", "03", "3", "1st", "2nd", "TH", "th", "٣",
        "2019-03-01", "2019/3/1", "2019-13-01", "2019-02-30", "Friday", "FRIDAY", "friday", "Fridays", "Monday",
        "early ", "Early ", "morning", " night", "20%", "$5", "“", "”", "\"", "(", "expects ", "the plan to ", "Today",
        // Whole dates and near misses, so that most texts hold some.
        " March 7", "7 March ", " March 7, 2019", "7th of March 2019", " Mar. 12 ", "12 Dec", "May 2019", " Market 7 ",
        " Sept 31", " on Friday", " last Friday", " Friday, March 1, 2019", " 2019-03-01 ", "12 Mayor", " JUNE 5",
        " the plan for Friday", " set for May 5", " hopes to meet on Monday", " aims for June 1", " by Friday", " had been done by March 3", " will, on Monday",
    ];

    // FsCheck's integers are small while the test size is: spread them over all the pieces.
    private static int Pick(int p, int round) => (int)((uint)(p * -1640531535 + round * 40503) % (uint)Pieces.Length);

    private static string Glue(int[]? picks, int repeat)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var r in Enumerable.Range(0, repeat))
            foreach (var p in picks ?? []) sb.Append(Pieces[Pick(p, r)]);
        return sb.ToString();
    }

    private static DateOnly? Published(int day) => day % 5 == 0 ? null : new DateOnly(2023, 1, 1).AddDays((int)((uint)day % 800));

    private static string[] Show(IEnumerable<Platform.Contracts.Documents.V1.DateMention> mentions) =>
        mentions.Select(m => $"{m.Span.Start}+{m.Span.Length} {m.Text} {m.Value}").ToArray();

    [Property(MaxTest = 1500)]
    public void Extract_AgreesWithTheReference(int[]? picks, int repeat, int published)
    {
        var body = Glue(picks, 1 + (int)((uint)repeat % 3));
        Assert.Equal(Show(ReferenceDateExtractor.Extract(body, Published(published))), Show(DateExtractor.Extract(body, Published(published))));
    }

    [Property(MaxTest = 300)]
    public void Extract_AgreesWithTheReference_OnRandomText(string? body, int published) =>
        Assert.Equal(Show(ReferenceDateExtractor.Extract(body ?? "", Published(published))), Show(DateExtractor.Extract(body ?? "", Published(published))));

    [Property(MaxTest = 1000)]
    public void FirstFullDate_AgreesWithTheReference(int[]? picks)
    {
        var line = Glue(picks, 1);
        var expected = ReferenceDateParser.FirstFullDate(line, out int s0, out int l0);
        var actual = DateParser.FirstFullDate(line, out int s1, out int l1);
        Assert.Equal((expected, s0, l0), (actual, s1, l1));
    }

    [Theory]
    [InlineData("They discussed the plan for Friday.")]
    [InlineData("Their hopes to finish by Friday faded.")]
    [InlineData("It had been finished by Friday, officials said.")]
    public void Extract_AgreesWithTheReference_OnTenseCues(string body)
    {
        var published = new DateOnly(2023, 3, 14);
        Assert.Equal(Show(ReferenceDateExtractor.Extract(body, published)), Show(DateExtractor.Extract(body, published)));
    }

    [Fact]
    public void Extract_ResolvesEveryWeekdayName_AsTheReference()
    {
        var published = new DateOnly(2023, 3, 14);
        foreach (var day in Enum.GetNames<DayOfWeek>())
            foreach (var name in new[] { day, day.ToUpperInvariant() })
                foreach (var body in new[] { $"They met on {name}.", $"They will meet on {name}." })
                {
                    var mentions = Show(DateExtractor.Extract(body, published));
                    Assert.Single(mentions);
                    Assert.Equal(Show(ReferenceDateExtractor.Extract(body, published)), mentions);
                }
    }

    [Fact]
    public void Extract_AgreesWithTheReference_OnTheSampleStories()
    {
        foreach (var file in TextFastPathTests.SampleFiles())
        {
            var text = File.ReadAllText(file);
            var published = new DateOnly(2023, 3, 14);
            Assert.Equal(Show(ReferenceDateExtractor.Extract(text, published)), Show(DateExtractor.Extract(text, published)));
        }
    }
}
