using System.Text;
using UtfUnknown;

namespace Platform.Extraction.Engine.Input;

/// <summary>Bytes to string: BOM, then a strict UTF-8 check (the common case), then UTF.Unknown detection.</summary>
internal static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static (string Text, string Charset) Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return (Strict(StrictUtf8, bytes[3..]), "utf-8");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return (Strict(new UTF32Encoding(false, true, true), bytes[4..]), "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return (Strict(new UTF32Encoding(true, true, true), bytes[4..]), "utf-32be");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Strict(new UnicodeEncoding(false, true, true), bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Strict(new UnicodeEncoding(true, true, true), bytes[2..]), "utf-16be");

        // UTF-16 without BOM: every other byte is zero in Latin text.
        var utf16 = GuessUtf16(bytes);
        if (utf16 is not null) return (Strict(utf16.Value.Encoding, bytes), utf16.Value.Name);

        // NUL bytes do not occur in text of any single-byte or UTF-8 charset.
        if (bytes.IndexOf((byte)0) >= 0)
            throw new ExtractionException(ExtractionErrorCode.Undecodable, "The content contains NUL bytes and is not text.");

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return (StrictUtf8.GetString(bytes), "utf-8");

        if (declaredCharset is not null && TryGetEncoding(declaredCharset) is { } declared)
            return (declared.GetString(bytes), declared.WebName);

        var detected = CharsetDetector.DetectFromBytes(bytes).Detected;
        var encoding = detected?.Encoding ?? (detected?.EncodingName is { } name ? TryGetEncoding(name) : null);
        if (encoding is null || detected!.Confidence < 0.2f)
            throw new ExtractionException(ExtractionErrorCode.Undecodable, "The character set of the text could not be detected.");
        var text = encoding.GetString(bytes);
        // Short Latin texts are ambiguous between the single-byte Western charsets; for English news
        // windows-1252 is the likely one, so it wins unless the detected charset reads the bytes better.
        if (encoding.IsSingleByte && encoding.CodePage != 1252 && TryGetEncoding("windows-1252") is { } western)
        {
            var westernText = western.GetString(bytes);
            if (Plausibility(westernText) >= Plausibility(text)) return (westernText, western.WebName);
        }
        return (text, encoding.WebName);
    }

    private static int Plausibility(string text)
    {
        int score = 0;
        foreach (var c in text)
        {
            if (c < 0x80) continue;
            if (c is >= '\u00C0' and <= '\u00FF' && char.IsLetter(c)) score += 2;
            else if (c is '\u2018' or '\u2019' or '\u201C' or '\u201D' or '\u2013' or '\u2014' or '\u2026' or '\u20AC' or '\u00A0') score += 2;
            else if (char.IsLetter(c)) score += 1;
            else if (char.IsControl(c) || c == '\uFFFD') score -= 3;
        }
        return score;
    }

    private static Encoding? TryGetEncoding(string name)
    {
        try { return Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try { return encoding.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            throw new ExtractionException(ExtractionErrorCode.Undecodable, $"The content is not valid {encoding.WebName}.", e);
        }
    }

    private static (Encoding Encoding, string Name)? GuessUtf16(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 8) return null;
        // Speed: text of a single-byte charset or UTF-8 has no zero byte at all; a vectorised search says so at once.
        if (!bytes[..n].Contains((byte)0)) return null;
        int evenZero = 0, oddZero = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) evenZero++;
            if (bytes[i + 1] == 0) oddZero++;
        }
        int pairs = n / 2;
        if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return (new UnicodeEncoding(false, false, true), "utf-16le");
        if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return (new UnicodeEncoding(true, false, true), "utf-16be");
        return null;
    }

    /// <summary>
    /// Decoded text that is mostly control characters or replacement characters is binary data in disguise.
    /// </summary>
    public static void EnsureTextual(string text)
    {
        int bad = 0, total = 0;
        var rest = text.AsSpan();
        while (true)
        {
            // Speed: printable ASCII and the ASCII line breaks and tabs (nearly all of a text) are never bad; a run of
            // them is skipped with vectorised searches and counted without its white space.
            int k = rest.IndexOfAnyExcept(PlainAscii);
            var run = k < 0 ? rest : rest[..k];
            total += run.Length - run.Count(' ') - run.Count('\n') - run.Count('\r') - run.Count('\t');
            if (k < 0) break;
            char c = rest[k];
            rest = rest[(k + 1)..];
            if (char.IsWhiteSpace(c)) continue;
            total++;
            // ASCII is bad only as a control character; the category look-up is for the rest.
            if (char.IsControl(c) || c >= '\u0080' && (c == '\uFFFD' || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.PrivateUse
                or System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.Surrogate))
                bad++;
        }
        if (total > 0 && bad > total * 0.05 + 2)
            throw new ExtractionException(ExtractionErrorCode.Undecodable, "The content looks like binary data, not text.");
    }

    // Printable ASCII plus \t, \n and \r.
    private static readonly System.Buffers.SearchValues<char> PlainAscii = System.Buffers.SearchValues.Create(
        "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r\u2028\u2029");

    /// <summary>Splits on \r\n, \r and \n; trims trailing whitespace and a leading BOM.</summary>
    public static List<string> SplitLines(string text)
    {
        // Speed: lines average tens of characters; the breaks are found with a vectorised search.
        var lines = new List<string>(text.Length / 48 + 4);
        int start = 0;
        while (true)
        {
            int k = text.AsSpan(start).IndexOfAny(LineBreaks);
            if (k < 0) break;
            int i = start + k;
            lines.Add(Clean(text.AsSpan(start, i - start)));
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(Clean(text.AsSpan(start)));
        return lines;
    }

    private static string Clean(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.Length > 0 && line[0] == '\uFEFF') line = line[1..].Trim();
        if (line.IndexOfAny('\u00A0', '\t') < 0) return line.ToString();
        var sb = new StringBuilder(line.Length);
        foreach (var c in line) sb.Append(c is '\u00A0' or '\t' ? ' ' : c);
        return sb.ToString();
    }
}
