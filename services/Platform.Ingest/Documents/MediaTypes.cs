using System.Text;

namespace Platform.Ingest.Documents;

/// <summary>Decides a document's media type: as given, else from the file name's extension, else from its first bytes.</summary>
public static class MediaTypes
{
    public const string PlainText = "text/plain";
    public const string Html = "text/html";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string OctetStream = "application/octet-stream";

    private const int SniffBytes = 8 * 1024;

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = PlainText,
        [".text"] = PlainText,
        [".md"] = "text/markdown",
        [".csv"] = "text/csv",
        [".htm"] = Html,
        [".html"] = Html,
        [".xhtml"] = "application/xhtml+xml",
        [".xml"] = "application/xml",
        [".json"] = "application/json",
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".doc"] = "application/msword",
        [".rtf"] = "application/rtf",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".eml"] = "message/rfc822",
    };

    // Tags that open an HTML document, from the WHATWG MIME Sniffing Standard (§7.1, "identifying an unknown MIME type").
    private static readonly string[] HtmlOpeners =
        ["<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"];

    /// <summary>
    /// The media type to store. <paramref name="given"/> wins (normalised); otherwise a known extension of
    /// <paramref name="fileName"/>; otherwise sniffing of <paramref name="content"/>.
    /// </summary>
    public static string Resolve(string? given, string? fileName, ReadOnlySpan<byte> content)
    {
        if (!string.IsNullOrWhiteSpace(given))
            return Normalize(given) ?? throw new ArgumentException($"'{given}' is not a media type (type/subtype)", nameof(given));
        return FromFileName(fileName) ?? Sniff(content);
    }

    /// <summary>Lower-cased type/subtype with its parameters kept ("text/html; charset=windows-1252"); null if malformed.</summary>
    public static string? Normalize(string mediaType)
    {
        var trimmed = mediaType.Trim();
        var semicolon = trimmed.IndexOf(';', StringComparison.Ordinal);
        var essence = (semicolon < 0 ? trimmed : trimmed[..semicolon]).Trim();
        var slash = essence.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == essence.Length - 1 || !IsToken(essence.AsSpan(0, slash)) || !IsToken(essence.AsSpan(slash + 1)))
            return null;
        var parameters = semicolon < 0 ? "" : trimmed[semicolon..].Trim();
        if (parameters.Any(char.IsControl))
            return null;
        return essence.ToLowerInvariant() + (parameters.Length > 1 ? "; " + parameters[1..].Trim() : "");
    }

    public static string? FromFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
            return null;
        var extension = Path.GetExtension(fileName.Trim());
        return extension.Length > 1 && ByExtension.TryGetValue(extension, out var type) ? type : null;
    }

    /// <summary>Recognises PDF, Office Open XML, HTML and text by their first bytes; anything else is application/octet-stream.</summary>
    public static string Sniff(ReadOnlySpan<byte> content)
    {
        var head = content.Length > SniffBytes ? content[..SniffBytes] : content;
        // PDF readers accept the header anywhere in the first kilobyte.
        var pdfWindow = head.Length > 1024 ? head[..1024] : head;
        if (pdfWindow.IndexOf("%PDF-"u8) >= 0)
            return Pdf;
        if (head.StartsWith("PK\u0003\u0004"u8))
            return SniffZip(content);
        if (head.StartsWith("{\\rtf"u8))
            return "application/rtf";

        string? text = null;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            text = Encoding.UTF8.GetString(head[3..]);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            text = Encoding.Unicode.GetString(head[2..]);
        else if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            text = Encoding.BigEndianUnicode.GetString(head[2..]);
        else if (!HasBinaryBytes(head))
            text = Encoding.Latin1.GetString(head); // only ASCII matters below; Latin-1 maps every byte
        if (text is null)
            return OctetStream;
        return LooksLikeHtml(text) ? Html : PlainText;
    }

    private static string SniffZip(ReadOnlySpan<byte> content)
    {
        // Office Open XML packages name their parts in the local file headers near the start of the archive.
        var window = content.Length > 64 * 1024 ? content[..(64 * 1024)] : content;
        if (window.IndexOf("word/"u8) >= 0)
            return Docx;
        if (window.IndexOf("xl/"u8) >= 0)
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        if (window.IndexOf("ppt/"u8) >= 0)
            return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
        return "application/zip";
    }

    /// <summary>The WHATWG "binary data byte" set: control bytes that never appear in text.</summary>
    private static bool HasBinaryBytes(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b <= 0x08 || b == 0x0B || (b >= 0x0E && b <= 0x1A) || (b >= 0x1C && b <= 0x1F))
                return true;
        }

        return false;
    }

    internal static bool LooksLikeHtml(string text)
    {
        var s = text.AsSpan().TrimStart();
        if (s.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
            return s.Length > 0 && s.ToString().Contains("<html", StringComparison.OrdinalIgnoreCase);
        foreach (var opener in HtmlOpeners)
        {
            // The tag must end there ("<b>" or "<b class=...>", not "<bold-claim>").
            if (s.Length > opener.Length && s.StartsWith(opener, StringComparison.OrdinalIgnoreCase) && (s[opener.Length] is ' ' or '>' or '\t' or '\n' or '\r'))
                return true;
        }

        return false;
    }

    private static bool IsToken(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "!#$&^_.+-".Contains(c)))
                return false;
        }

        return value.Length > 0;
    }
}
