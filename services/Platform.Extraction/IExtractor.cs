using Platform.Extraction.Engine;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction;

/// <summary>The engine as a service dependency, so consumers and the RPC can be tested with another extractor.</summary>
public interface IExtractor
{
    /// <summary>Version stamped on results; consumers are idempotent on (document id, version).</summary>
    string Version { get; }

    /// <summary>
    /// Extracts a record; throws <see cref="ExtractionException"/> for input it cannot read, and
    /// <see cref="OperationCanceledException"/> once it sees <paramref name="cancellationToken"/> cancelled.
    /// </summary>
    ExtractionRecord Extract(byte[] content, string mediaType, string fileName, CancellationToken cancellationToken);
}

/// <summary>The real engine (pure and thread-safe, so one instance serves every consumer and call).</summary>
public sealed class EngineExtractor : IExtractor
{
    private readonly ExtractionEngine _engine = new();

    public string Version => EngineInfo.Version;

    public ExtractionRecord Extract(byte[] content, string mediaType, string fileName, CancellationToken cancellationToken) =>
        _engine.Extract(content, mediaType, fileName, cancellationToken);
}
