using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Platform.Extraction.Engine.Input;

/// <summary>
/// PDF to text lines with PdfPig: words are grouped into visual lines by baseline; a vertical gap clearly larger
/// than the usual line spacing starts a new paragraph, and the lines of one paragraph are joined.
/// </summary>
internal static class PdfReader
{
    public static SourceDocument Read(ReadOnlyMemory<byte> bytes)
    {
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            var lines = new List<string>();
            foreach (var page in pdf.GetPages()) ReadPage(page, lines);
            // A document-information title is often a file name; trust it only if it has several words.
            var title = pdf.Information.Title?.Trim() ?? "";
            if (title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 3) title = "";
            return new SourceDocument(lines, MediaTypes.Pdf, "", new DocumentHints { Title = title });
        }
        catch (ExtractionException) { throw; }
        catch (Exception e)
        {
            throw new ExtractionException(ExtractionErrorCode.Undecodable, $"The PDF could not be read: {e.Message}", e);
        }
    }

    private static void ReadPage(Page page, List<string> output)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
        if (words.Count == 0) return;
        // Visual lines, top to bottom: words whose baselines lie within half a glyph height.
        var rows = new List<(double Y, double Height, List<Word> Words)>();
        foreach (var w in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var y = w.BoundingBox.Bottom;
            var h = Math.Max(w.BoundingBox.Height, 1);
            if (rows.Count > 0 && Math.Abs(rows[^1].Y - y) < h * 0.5) rows[^1].Words.Add(w);
            else rows.Add((y, h, [w]));
        }
        var gaps = new List<double>();
        for (int i = 1; i < rows.Count; i++) gaps.Add(rows[i - 1].Y - rows[i].Y);
        // Line spacing: a low quantile of the gaps, since paragraph gaps may be as frequent as line gaps.
        double typical = gaps.Count > 0 ? gaps.OrderBy(g => g).ElementAt(gaps.Count / 4) : 0;

        var paragraph = new StringBuilder();
        for (int i = 0; i < rows.Count; i++)
        {
            var text = string.Join(' ', rows[i].Words.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text));
            if (i > 0 && rows[i - 1].Y - rows[i].Y > typical * 1.4 + 0.5)
            {
                Flush(paragraph, output);
            }
            if (paragraph.Length > 0)
            {
                // A hyphen at the end of a wrapped line joins the word.
                if (paragraph[^1] == '-' && text.Length > 0 && char.IsLower(text[0])) paragraph.Length--;
                else paragraph.Append(' ');
            }
            paragraph.Append(text);
        }
        Flush(paragraph, output);
    }

    private static void Flush(StringBuilder paragraph, List<string> output)
    {
        if (paragraph.Length == 0) return;
        if (output.Count > 0) output.Add("");
        output.Add(paragraph.ToString().Trim());
        paragraph.Clear();
    }
}
