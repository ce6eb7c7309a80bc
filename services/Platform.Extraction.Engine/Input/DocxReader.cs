using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Platform.Extraction.Engine.Input;

/// <summary>DOCX to text lines: one line per paragraph of the main document part; a "Title" style gives the headline.</summary>
internal static class DocxReader
{
    public static SourceDocument Read(ReadOnlySpan<byte> bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body
                ?? throw new ExtractionException(ExtractionErrorCode.Undecodable, "The DOCX file has no document body.");
            var lines = new List<string>();
            string title = "";
            foreach (var p in body.Descendants<Paragraph>())
            {
                var text = string.Concat(p.Descendants<DocumentFormat.OpenXml.Wordprocessing.Text>().Select(t => t.Text)).Trim();
                if (text.Length == 0) continue;
                var style = p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "";
                if (title.Length == 0 && lines.Count == 0 && style is "Title" or "Heading1") title = text;
                if (lines.Count > 0) lines.Add("");
                lines.Add(text);
            }
            return new SourceDocument(lines, MediaTypes.Docx, "", new DocumentHints { Title = title });
        }
        catch (ExtractionException) { throw; }
        catch (Exception e)
        {
            throw new ExtractionException(ExtractionErrorCode.Undecodable, $"The DOCX file could not be read: {e.Message}", e);
        }
    }
}
