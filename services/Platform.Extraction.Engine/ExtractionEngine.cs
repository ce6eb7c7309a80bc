using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Cleaning;
using Platform.Extraction.Engine.Input;
using Platform.Extraction.Engine.Quotes;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine;

// Inside the namespace so that it wins over the Platform.Extraction namespace.
using Extraction = Platform.Contracts.Documents.V1.Extraction;

/// <summary>
/// Turns a news document (plain text in any common charset, HTML, PDF or DOCX) into an
/// <see cref="Platform.Contracts.Documents.V1.Extraction"/>: clean body, headline, dates, source, byline, dateline,
/// paragraphs, sentences, transcript turns, entities, quotes, dates, key phrases and a summary.
/// Pure and deterministic: no I/O, no clock, no randomness; thread-safe (one instance can be shared).
/// A cancellation token is observed between the stages, so a cancelled run stops within one stage's time.
/// </summary>
public sealed class ExtractionEngine
{
    /// <summary>Largest input accepted, in bytes; larger inputs fail with <see cref="ExtractionErrorCode.TooLarge"/>.</summary>
    public const int MaxInputBytes = 32 * 1024 * 1024;

    /// <summary>Extracts a document given as bytes.</summary>
    /// <param name="content">The raw document.</param>
    /// <param name="mediaType">Media type if known ("text/html; charset=utf-8"); sniffed from content and file name otherwise.</param>
    /// <param name="fileName">Optional file name, used for sniffing when the content is not conclusive.</param>
    /// <returns>The extraction; never null.</returns>
    /// <exception cref="ExtractionException">Unsupported media type, undecodable or empty content, or input too large.</exception>
    public Extraction Extract(ReadOnlySpan<byte> content, string? mediaType = null, string? fileName = null) =>
        Extract(content, mediaType, fileName, CancellationToken.None);

    /// <summary>Extracts a document given as bytes; stops when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="content">The raw document.</param>
    /// <param name="mediaType">Media type if known; sniffed from content and file name otherwise.</param>
    /// <param name="fileName">Optional file name, used for sniffing when the content is not conclusive.</param>
    /// <param name="cancellationToken">Observed between the stages.</param>
    /// <returns>The extraction; never null.</returns>
    /// <exception cref="ExtractionException">Unsupported media type, undecodable or empty content, or input too large.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Extraction Extract(ReadOnlySpan<byte> content, string? mediaType, string? fileName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (content.Length > MaxInputBytes)
            throw new ExtractionException(ExtractionErrorCode.TooLarge, $"The document has {content.Length} bytes; the limit is {MaxInputBytes}.");
        if (content.Length == 0)
            throw new ExtractionException(ExtractionErrorCode.Empty, "The document is empty.");

        var (declared, charset) = MediaTypes.Parse(mediaType);
        var sniffed = MediaTypes.Sniff(content, fileName);
        // Trust magic bytes over a generic declaration ("application/octet-stream"), and over a text type when
        // the bytes are clearly a binary container.
        var type = declared switch
        {
            "" or "application/octet-stream" or "binary/octet-stream" => sniffed,
            MediaTypes.Text or MediaTypes.Html when sniffed is not (MediaTypes.Text or MediaTypes.Html) => sniffed,
            _ => declared,
        };

        SourceDocument doc = type switch
        {
            MediaTypes.Text => ReadText(content, charset, html: false),
            MediaTypes.Html => ReadText(content, charset, html: true),
            MediaTypes.Pdf => PdfReader.Read(content.ToArray()),
            MediaTypes.Docx => DocxReader.Read(content),
            _ => throw new ExtractionException(ExtractionErrorCode.UnsupportedMediaType,
                $"Media type '{type}' is not supported; the engine reads text/plain, text/html, application/pdf and DOCX."),
        };
        return Run(doc, cancellationToken);
    }

    /// <summary>Extracts a document already decoded to a string (plain text or HTML).</summary>
    /// <param name="text">The document text.</param>
    /// <param name="mediaType">"text/plain" (default) or "text/html".</param>
    /// <returns>The extraction.</returns>
    /// <exception cref="ExtractionException">Unsupported media type, empty or too large text.</exception>
    public Extraction ExtractText(string text, string? mediaType = "text/plain") => ExtractText(text, mediaType, CancellationToken.None);

    /// <summary>Extracts a document already decoded to a string; stops when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="text">The document text.</param>
    /// <param name="mediaType">"text/plain" or "text/html".</param>
    /// <param name="cancellationToken">Observed between the stages.</param>
    /// <returns>The extraction.</returns>
    /// <exception cref="ExtractionException">Unsupported media type, empty or too large text.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Extraction ExtractText(string text, string? mediaType, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxInputBytes)
            throw new ExtractionException(ExtractionErrorCode.TooLarge, $"The document has {text.Length} characters; the limit is {MaxInputBytes}.");
        var (type, _) = MediaTypes.Parse(mediaType);
        var doc = type switch
        {
            "" or MediaTypes.Text => new SourceDocument(TextDecoder.SplitLines(text), MediaTypes.Text, "", DocumentHints.None),
            MediaTypes.Html => HtmlReader.Read(text, ""),
            _ => throw new ExtractionException(ExtractionErrorCode.UnsupportedMediaType,
                $"Media type '{type}' is not a text type; use Extract for binary formats."),
        };
        return Run(doc, cancellationToken);
    }

    private static SourceDocument ReadText(ReadOnlySpan<byte> content, string? charset, bool html)
    {
        var (text, detected) = TextDecoder.Decode(content, charset);
        TextDecoder.EnsureTextual(text);
        return html ? HtmlReader.Read(text, detected) : new SourceDocument(TextDecoder.SplitLines(text), MediaTypes.Text, detected, DocumentHints.None);
    }

    private static bool HasText(IReadOnlyList<string> lines)
    {
        foreach (var line in lines)
            if (line.Length > 0) return true;
        return false;
    }

    private static Extraction Run(SourceDocument doc, CancellationToken cancellationToken)
    {
        if (!HasText(doc.Lines))
            throw new ExtractionException(ExtractionErrorCode.Empty, "The document has no text.");

        cancellationToken.ThrowIfCancellationRequested();
        var clean = DocumentCleaner.Clean(doc);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new Extraction
        {
            Title = clean.Title,
            PublishedAt = clean.PublishedAt,
            UpdatedAt = clean.UpdatedAt,
            Source = clean.Source,
            Byline = clean.Byline,
            Dateline = clean.Dateline,
            EngineVersion = EngineInfo.Version,
            MediaType = doc.MediaType,
            Charset = doc.Charset,
        };
        result.Removed.AddRange(clean.Removed);

        var body = string.Join("\n\n", clean.Paragraphs);
        result.Body = body;
        var sentences = new List<(int Start, int Length)>();
        int offset = 0;
        foreach (var p in clean.Paragraphs)
        {
            result.Paragraphs.Add(new TextSpan { Start = offset, Length = p.Length });
            SentenceSplitter.Split(body, offset, offset + p.Length, sentences);
            offset += p.Length + 2;
        }
        foreach (var (start, length) in sentences) result.Sentences.Add(new TextSpan { Start = start, Length = length });

        DateOnly? published = clean.PublishedAt.Length >= 10 && DateOnly.TryParseExact(clean.PublishedAt[..10], "yyyy-MM-dd", out var p0) ? p0 : null;
        result.Dates.AddRange(DateExtractor.Extract(body, published));
        result.Transcript.AddRange(Transcript.Turns(clean.Paragraphs));

        cancellationToken.ThrowIfCancellationRequested();
        var semantic = SemanticStage.Run(clean.Title, body);
        cancellationToken.ThrowIfCancellationRequested();
        result.Entities.AddRange(semantic.Entities);
        result.Quotes.AddRange(semantic.Quotes);

        result.Keyphrases.AddRange(KeyPhrases.Extract(clean.Title, body));
        result.Summary.AddRange(Summarizer.Summarize(body, sentences));
        result.Language = LanguageGuess.Guess(body.Length > 0 ? body : clean.Title);
        return result;
    }
}
