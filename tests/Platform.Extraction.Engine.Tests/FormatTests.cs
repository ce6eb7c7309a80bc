using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Platform.Extraction.Engine.Tests;

/// <summary>Input formats, charsets, media-type sniffing and typed errors.</summary>
public class FormatTests
{
    private static readonly ExtractionEngine Engine = new();

    private const string Story =
        "Café owners in Zürich protest rent rises\n\n" +
        "ZURICH - Dozens of café owners gathered outside the city hall on Thursday to protest against rent increases of up to 30 percent.\n\n" +
        "\"We cannot pay these prices and keep our doors open,\" said Renée Müller, who runs a café near the lake.";

    static FormatTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData("utf-8", false, "utf-8")]
    [InlineData("utf-8", true, "utf-8")]
    [InlineData("utf-16", true, "utf-16le")]
    [InlineData("utf-16BE", true, "utf-16be")]
    [InlineData("windows-1252", false, "windows-1252")]
    public void Extract_TextInCommonCharsets_DecodesAccents(string charset, bool bom, string expected)
    {
        var encoding = Encoding.GetEncoding(charset);
        var bytes = (bom ? encoding.GetPreamble() : []).Concat(encoding.GetBytes(Story)).ToArray();

        var e = Engine.Extract(bytes, "text/plain");

        Assert.Equal("Café owners in Zürich protest rent rises", e.Title);
        Assert.Contains("Renée Müller", e.Body);
        Assert.Equal(expected, e.Charset);
    }

    [Fact]
    public void Extract_Utf16WithoutBom_IsDetected()
    {
        var e = Engine.Extract(Encoding.Unicode.GetBytes(Story), "text/plain");

        Assert.Contains("Renée Müller", e.Body);
        Assert.Equal("utf-16le", e.Charset);
    }

    [Fact]
    public void Extract_DeclaredCharsetParameter_IsUsedForNonUtf8Bytes()
    {
        var bytes = Encoding.GetEncoding("iso-8859-1").GetBytes(Story);

        var e = Engine.Extract(bytes, "text/plain; charset=iso-8859-1");

        Assert.Contains("Renée Müller", e.Body);
    }

    [Theory]
    [InlineData("story.txt", "text/plain")]
    [InlineData("story.html", "text/html")]
    public void Extract_WithoutMediaType_SniffsFromFileName(string fileName, string expected)
    {
        var e = Engine.Extract(Encoding.UTF8.GetBytes(Story), null, fileName);
        Assert.Equal(expected, e.MediaType);
    }

    [Fact]
    public void Extract_HtmlWithoutMediaTypeOrName_IsSniffedFromMarkup()
    {
        var e = Engine.Extract(Samples.Bytes("html-museum-reopening.html"));

        Assert.Equal("text/html", e.MediaType);
        Assert.Equal("City museum reopens after five-year renovation", e.Title);
    }

    [Fact]
    public void Extract_HtmlWithoutArticleElement_PicksBlockWithMostParagraphText()
    {
        const string html = "<html><body><div class='top'><a href='/'>Home</a> <a href='/x'>World</a></div>" +
            "<div id='content'><h1>Rail strike halts trains across the country</h1>" +
            "<p>Train drivers walked out on Monday in a dispute over pay, halting most services across the country.</p>" +
            "<p>The union said the strike would last 48 hours unless the operator made a new offer.</p></div>" +
            "<div class='sidebar'><p>Most read: a long list of other stories you might like to click on today.</p></div></body></html>";

        var e = Engine.ExtractText(html, "text/html");

        Assert.Equal("Rail strike halts trains across the country", e.Title);
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.DoesNotContain("Most read", e.Body);
        Assert.DoesNotContain("Home", e.Body);
    }

    [Fact]
    public void Extract_HtmlWithLogoHeading_TakesHeadlineAndJsonLdDate()
    {
        const string html = """
            <html><head><title>Bridge reopens after repairs - Valley Gazette</title>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-11-02T06:00:00Z","headline":"Bridge reopens after repairs"}</script>
            </head><body>
            <header><h1 class="logo">Valley Gazette</h1><ul><li>News</li><li>Sport</li></ul></header>
            <div class="story"><h1>Bridge reopens after repairs</h1>
            <p>The old river bridge reopened to traffic on Monday after eight months of repairs, the county said.</p>
            <p>Engineers replaced the deck and strengthened two of the piers at a cost of 12 million dollars.</p>
            <div class="newsletter-signup"><p>Sign up for our morning briefing and get the news in your inbox every day.</p></div>
            </div><footer><p>Contact us | Privacy | Terms</p></footer></body></html>
            """;
        var e = Engine.ExtractText(html, "text/html");

        Assert.Equal("Bridge reopens after repairs", e.Title);
        Assert.Equal("2021-11-02", e.PublishedAt);
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.Equal([("Monday", "2021-11-01")], e.DateValues());
        Assert.DoesNotContain("Sign up", e.Body);
    }

    [Fact]
    public void Extract_Docx_ReadsParagraphsAndTitleStyle()
    {
        var bytes = MakeDocx(Samples.Text("web-wind-farm.txt"));

        var e = Engine.Extract(bytes, null, "story.docx");

        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", e.MediaType);
        Assert.Equal("Offshore wind farm off Scotland clears final planning hurdle", e.Title);
        Assert.Equal("Reuters", e.Source);
        Assert.Equal(Samples.Extract("web-wind-farm.txt").Body, e.Body);
    }

    [Fact]
    public void Extract_Pdf_ReadsParagraphs()
    {
        var bytes = MakePdf(
            ["Offshore wind farm clears final hurdle", "", "The Scottish government on Tuesday approved the Firth Deep", "offshore wind farm, a project that could power a million homes.",
             "", "Energy Secretary Michael Grant said the decision showed that", "Scotland was serious about meeting its climate targets."]);

        var e = Engine.Extract(bytes);

        Assert.Equal("application/pdf", e.MediaType);
        Assert.Equal("Offshore wind farm clears final hurdle", e.Title);
        Assert.Equal(
            "The Scottish government on Tuesday approved the Firth Deep offshore wind farm, a project that could power a million homes.\n\n" +
            "Energy Secretary Michael Grant said the decision showed that Scotland was serious about meeting its climate targets.",
            e.Body);
    }

    [Fact]
    public void Extract_Image_FailsWithUnsupportedMediaType()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract(png));
        Assert.Equal(ExtractionErrorCode.UnsupportedMediaType, ex.Code);
        Assert.Contains("image/png", ex.Reason);
    }

    [Fact]
    public void Extract_DeclaredUnsupportedType_FailsWithUnsupportedMediaType()
    {
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract("x,y\n1,2"u8, "text/csv"));
        Assert.Equal(ExtractionErrorCode.UnsupportedMediaType, ex.Code);
    }

    [Fact]
    public void Extract_RandomBytes_FailsWithUndecodable()
    {
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract(bytes, "text/plain"));
        Assert.Equal(ExtractionErrorCode.Undecodable, ex.Code);
    }

    [Fact]
    public void Extract_BrokenPdf_FailsWithUndecodable()
    {
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract("%PDF-1.7\nthis is not a pdf"u8));
        Assert.Equal(ExtractionErrorCode.Undecodable, ex.Code);
    }

    [Fact]
    public void Extract_BrokenDocx_FailsWithUndecodable()
    {
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract("PK\u0003\u0004word/garbage"u8, null, "a.docx"));
        Assert.Equal(ExtractionErrorCode.Undecodable, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n \t \r\n")]
    public void Extract_EmptyOrWhitespace_FailsWithEmpty(string text)
    {
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract(Encoding.UTF8.GetBytes(text), "text/plain"));
        Assert.Equal(ExtractionErrorCode.Empty, ex.Code);
    }

    [Fact]
    public void Extract_AboveLimit_FailsWithTooLarge()
    {
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract(new byte[ExtractionEngine.MaxInputBytes + 1], "text/plain"));
        Assert.Equal(ExtractionErrorCode.TooLarge, ex.Code);
    }

    [Fact]
    public void Extract_SameInputTwice_GivesEqualResults()
    {
        foreach (var name in Samples.All())
            Assert.Equal(Samples.Extract(name), Samples.Extract(name));
    }

    internal static byte[] MakeDocx(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            for (int i = 0; i < lines.Count; i++)
            {
                var p = new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve }));
                // The headline of the sample is its second line (after the header line).
                if (i == 1) p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = "Title" }));
                body.Append(p);
            }
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    internal static byte[] MakePdf(IReadOnlyList<string> lines)
    {
        var builder = new PdfDocumentBuilder();
        var page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        double y = 780;
        foreach (var line in lines)
        {
            if (line.Length > 0) page.AddText(line, 11, new PdfPoint(50, y), font);
            y -= 14;
        }
        return builder.Build();
    }
}
