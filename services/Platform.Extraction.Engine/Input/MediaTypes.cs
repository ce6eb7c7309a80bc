namespace Platform.Extraction.Engine.Input;

/// <summary>Media type names and sniffing from magic bytes and file names.</summary>
internal static class MediaTypes
{
    public const string Text = "text/plain";
    public const string Html = "text/html";
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>Splits "text/html; charset=utf-8" into a lower-case type and an optional charset parameter.</summary>
    public static (string Type, string? Charset) Parse(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType)) return ("", null);
        var parts = mediaType.Split(';');
        var type = parts[0].Trim().ToLowerInvariant();
        string? charset = null;
        foreach (var p in parts.AsSpan(1))
        {
            var kv = p.Split('=', 2);
            if (kv.Length == 2 && kv[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
                charset = kv[1].Trim().Trim('"', '\'');
        }
        return (Normalize(type), charset);
    }

    private static string Normalize(string type) => type switch
    {
        "text/htm" or "application/xhtml+xml" => Html,
        "application/x-pdf" => Pdf,
        "text/markdown" or "text/x-markdown" or "text/txt" => Text,
        _ => type,
    };

    /// <summary>Guesses the media type from content (magic bytes first) and then the file name.</summary>
    public static string Sniff(ReadOnlySpan<byte> content, string? fileName)
    {
        if (content.StartsWith("%PDF-"u8)) return Pdf;
        if (content.StartsWith("PK\u0003\u0004"u8))
            return content.IndexOf("word/"u8) >= 0 || HasExtension(fileName, ".docx") ? Docx : "application/zip";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "image/png";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (content.StartsWith("GIF8"u8)) return "image/gif";
        if (content.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0])) return "application/msword";
        if (content.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return "application/gzip";
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8)) return "image/webp";

        var byName = FromFileName(fileName);
        if (byName is not null) return byName;
        return LooksLikeHtml(content) ? Html : Text;
    }

    public static string? FromFileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return null;
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        return ext switch
        {
            ".txt" or ".text" or ".md" => Text,
            ".html" or ".htm" or ".xhtml" => Html,
            ".pdf" => Pdf,
            ".docx" => Docx,
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".gif" => "image/gif",
            ".doc" => "application/msword",
            ".zip" => "application/zip",
            _ => null,
        };
    }

    private static bool HasExtension(string? fileName, string ext) =>
        fileName is not null && fileName.EndsWith(ext, StringComparison.OrdinalIgnoreCase);

    /// <summary>An HTML document starts (after a BOM and whitespace) with a doctype, a comment or a known tag.</summary>
    private static bool LooksLikeHtml(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 1024)];
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) head = head[3..];
        int i = 0;
        while (i < head.Length && (head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) i++;
        head = head[i..];
        if (head.Length == 0 || head[0] != (byte)'<') return false;
        Span<byte> lower = stackalloc byte[Math.Min(head.Length, 16)];
        for (int k = 0; k < lower.Length; k++) lower[k] = (byte)char.ToLowerInvariant((char)head[k]);
        return lower.StartsWith("<!doctype html"u8) || lower.StartsWith("<html"u8) || lower.StartsWith("<head"u8)
            || lower.StartsWith("<body"u8) || lower.StartsWith("<!--"u8) || lower.StartsWith("<meta"u8)
            || lower.StartsWith("<article"u8) || lower.StartsWith("<div"u8) || lower.StartsWith("<p>"u8)
            || lower.StartsWith("<h1"u8) || lower.StartsWith("<title"u8);
    }
}
