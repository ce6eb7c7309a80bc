namespace Platform.Extraction.Engine;

/// <summary>Why the engine could not produce an <see cref="Platform.Contracts.Documents.V1.Extraction"/>.</summary>
public enum ExtractionErrorCode
{
    /// <summary>The media type (given or sniffed) is not one the engine reads, e.g. an image.</summary>
    UnsupportedMediaType = 1,

    /// <summary>The bytes cannot be decoded as the media type: binary data, a broken PDF or DOCX.</summary>
    Undecodable = 2,

    /// <summary>The input has no text at all (no bytes, or only whitespace).</summary>
    Empty = 3,

    /// <summary>The input exceeds <see cref="ExtractionEngine.MaxInputBytes"/>.</summary>
    TooLarge = 4,
}

/// <summary>A typed extraction failure with a human-readable reason (becomes an ExtractionFailed event).</summary>
public sealed class ExtractionException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">Machine-readable category.</param>
    /// <param name="reason">Human-readable reason, safe to show to the submitter.</param>
    /// <param name="inner">Optional underlying exception of a format library.</param>
    public ExtractionException(ExtractionErrorCode code, string reason, Exception? inner = null)
        : base(reason, inner)
    {
        Code = code;
    }

    /// <summary>Machine-readable category of the failure.</summary>
    public ExtractionErrorCode Code { get; }

    /// <summary>Human-readable reason (same as <see cref="Exception.Message"/>).</summary>
    public string Reason => Message;
}
