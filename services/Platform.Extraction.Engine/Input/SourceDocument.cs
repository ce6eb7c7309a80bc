namespace Platform.Extraction.Engine.Input;

/// <summary>Metadata a format gives outside the text (HTML meta tags, DOCX core properties).</summary>
internal sealed record DocumentHints
{
    public string Title { get; init; } = "";
    public string PublishedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";
    public string Source { get; init; } = "";
    public string Byline { get; init; } = "";

    public static readonly DocumentHints None = new();
}

/// <summary>Decoded input: text lines (1-based numbering = index + 1) plus format hints.</summary>
internal sealed record SourceDocument(IReadOnlyList<string> Lines, string MediaType, string Charset, DocumentHints Hints);
