using System.IO.Compression;
using System.Text;
using Platform.Ingest.Documents;

namespace Platform.Ingest.Tests.Unit;

public sealed class MediaTypesTests
{
    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    [Theory]
    [InlineData("report.pdf", "application/pdf")]
    [InlineData("REPORT.PDF", "application/pdf")]
    [InlineData("story.txt", "text/plain")]
    [InlineData("page.htm", "text/html")]
    [InlineData("page.html", "text/html")]
    [InlineData("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("folder/notes.md", "text/markdown")]
    public void Resolve_WithKnownExtension_UsesTheExtension(string fileName, string expected)
    {
        Assert.Equal(expected, MediaTypes.Resolve("", fileName, Utf8("plain words")));
    }

    [Fact]
    public void Resolve_GivenMediaType_WinsOverExtensionAndContent()
    {
        Assert.Equal("text/plain", MediaTypes.Resolve("TEXT/Plain", "page.html", Utf8("<html><body>x</body></html>")));
    }

    [Fact]
    public void Resolve_UnknownExtension_FallsBackToSniffing()
    {
        Assert.Equal("text/html", MediaTypes.Resolve(null, "page.aspx", Utf8("<!DOCTYPE html><html></html>")));
    }

    [Fact]
    public void Resolve_MalformedGivenMediaType_Throws()
    {
        Assert.Throws<ArgumentException>(() => MediaTypes.Resolve("nonsense", "a.txt", Utf8("x")));
    }

    [Theory]
    [InlineData(" Text/HTML ; Charset=UTF-8", "text/html; Charset=UTF-8")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("text/plain;", "text/plain")]
    public void Normalize_ValidMediaType_LowerCasesTheEssenceAndKeepsParameters(string input, string expected)
    {
        Assert.Equal(expected, MediaTypes.Normalize(input));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("/plain")]
    [InlineData("text/")]
    [InlineData("text/pla in")]
    [InlineData("te xt/plain")]
    [InlineData("text/plain; a=\u0001")]
    public void Normalize_MalformedMediaType_ReturnsNull(string input)
    {
        Assert.Null(MediaTypes.Normalize(input));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html lang=\"en\"><head></head></html>")]
    [InlineData("   \r\n<html>\n<body>x</body></html>")]
    [InlineData("<HEAD><title>t</title></HEAD>")]
    [InlineData("<p>Just a paragraph</p>")]
    [InlineData("<!-- saved from url --><html></html>")]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>")]
    public void Sniff_HtmlMarkup_IsHtml(string content)
    {
        Assert.Equal(MediaTypes.Html, MediaTypes.Sniff(Utf8(content)));
    }

    [Theory]
    [InlineData("BEIJING - Officials said on Monday the talks would resume.")]
    [InlineData("<bold-claim> is not a tag this sniffer knows")]
    [InlineData("Price < 5 and > 3")]
    [InlineData("Café crème, naïve résumé — UTF-8 text")]
    public void Sniff_Prose_IsPlainText(string content)
    {
        Assert.Equal(MediaTypes.PlainText, MediaTypes.Sniff(Utf8(content)));
    }

    [Fact]
    public void Sniff_Windows1252Text_IsPlainText()
    {
        var content = Encoding.Latin1.GetBytes("Caf\u00e9 au lait \u00e0 la gare");

        Assert.Equal(MediaTypes.PlainText, MediaTypes.Sniff(content));
    }

    [Fact]
    public void Sniff_Utf16WithByteOrderMark_IsText()
    {
        var content = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<html><body>x</body></html>")).ToArray();

        Assert.Equal(MediaTypes.Html, MediaTypes.Sniff(content));
    }

    [Fact]
    public void Sniff_Utf8WithByteOrderMark_IsText()
    {
        var content = Encoding.UTF8.GetPreamble().Concat(Utf8("Plain words")).ToArray();

        Assert.Equal(MediaTypes.PlainText, MediaTypes.Sniff(content));
    }

    [Fact]
    public void Sniff_PdfHeader_IsPdf()
    {
        Assert.Equal(MediaTypes.Pdf, MediaTypes.Sniff(Utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj")));
    }

    [Fact]
    public void Sniff_PdfHeaderAfterJunk_IsPdf()
    {
        Assert.Equal(MediaTypes.Pdf, MediaTypes.Sniff(Utf8(new string(' ', 100) + "%PDF-1.4")));
    }

    [Fact]
    public void Sniff_WordPackage_IsDocx()
    {
        Assert.Equal(MediaTypes.Docx, MediaTypes.Sniff(Zip("[Content_Types].xml", "word/document.xml")));
    }

    [Fact]
    public void Sniff_OtherZip_IsZip()
    {
        Assert.Equal("application/zip", MediaTypes.Sniff(Zip("readme.txt")));
    }

    [Fact]
    public void Sniff_BinaryBytes_IsOctetStream()
    {
        Assert.Equal(MediaTypes.OctetStream, MediaTypes.Sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]));
    }

    private static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in entries)
            {
                using var writer = new StreamWriter(archive.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        }

        return stream.ToArray();
    }
}
