using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests;

/// <summary>Sentences, transcript turns, key phrases, summary and language.</summary>
public class TextStageTests
{
    private static string[] Sentences(string text)
    {
        var spans = new List<(int Start, int Length)>();
        SentenceSplitter.Split(text, 0, text.Length, spans);
        return spans.Select(s => text.Substring(s.Start, s.Length)).ToArray();
    }

    [Fact]
    public void Split_KeepsAbbreviationsInitialsAndQuotesTogether() =>
        Assert.Equal(
            ["Mr. Smith met U.S. officials in Washington on Jan. 5.", "\"It went well,\" he said.", "John F. Kennedy Airport was closed!", "Why?"],
            Sentences("Mr. Smith met U.S. officials in Washington on Jan. 5. \"It went well,\" he said. John F. Kennedy Airport was closed! Why?"));

    [Fact]
    public void Extract_SentenceAndParagraphSpans_CoverTheBody()
    {
        var e = Samples.Extract("web-wind-farm.txt");

        Assert.Equal(e.Body.Split("\n\n"), e.ParagraphTexts());
        Assert.True(e.Sentences.Count > e.Paragraphs.Count);
        foreach (var s in e.Sentences)
        {
            var text = e.Body.Substring(s.Start, s.Length);
            Assert.Equal(text.Trim(), text);
            Assert.DoesNotContain("\n", text);
        }
    }

    [Fact]
    public void Extract_Transcript_PairsQuestionsWithAnswers()
    {
        var e = Samples.Extract("trade-ministry-press-conference.txt");

        Assert.Equal(3, e.Transcript.Count);
        Assert.StartsWith("On March 13, the European Commission", e.Transcript[0].Question);
        Assert.StartsWith("We have taken note", e.Transcript[0].Answer);
        Assert.Contains("\n\nOur position is clear.", e.Transcript[0].Answer);
        Assert.StartsWith("Trade Minister Paul Andersen", e.Transcript[1].Answer);
    }

    [Fact]
    public void Extract_Article_HasNoTranscriptTurns() =>
        Assert.Empty(Samples.Extract("web-wind-farm.txt").Transcript);

    [Fact]
    public void Extract_KeyPhrasesAndSummary_AreWithinLimitsAndTakenFromTheText()
    {
        foreach (var name in Samples.All())
        {
            var e = Samples.Extract(name);
            Assert.InRange(e.Keyphrases.Count, 5, 8);
            Assert.InRange(e.Summary.Count, 1, 3);
            foreach (var s in e.Summary) Assert.Contains(s, e.Body);
            foreach (var k in e.Keyphrases) Assert.Contains(k, e.Title + "\n" + e.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Extract_WindFarmStory_KeyPhrasesNameTheTopic()
    {
        var e = Samples.Extract("web-wind-farm.txt");

        Assert.Contains(e.Keyphrases, k => k.Contains("wind", StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith("EDINBURGH - The Scottish government", e.Summary[0]);
    }

    [Theory]
    [InlineData("The government said on Monday that the new law would take effect next year and that it expects support.", "en")]
    [InlineData("Die Regierung hat am Montag mitgeteilt, dass das neue Gesetz im kommenden Jahr in Kraft treten soll und Unterstützung erwartet wird.", "und")]
    public void Guess_TellsEnglishFromOtherLanguages(string text, string expected) =>
        Assert.Equal(expected, LanguageGuess.Guess(text));
}
