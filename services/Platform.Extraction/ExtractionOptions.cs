using System.ComponentModel.DataAnnotations;

namespace Platform.Extraction;

/// <summary>Extraction settings, section <c>Extraction</c> (<c>Extraction__EngineTimeout=00:00:30</c> in containers).</summary>
public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    /// <summary>Longest one engine run may take; past it the document fails with error_code "timeout".</summary>
    public TimeSpan EngineTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deadline of one GetDocumentContent call to Ingest (a miss is transient and retried).</summary>
    public TimeSpan IngestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Documents one replica extracts at once (the engine is CPU-bound; scale out with replicas).</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = Math.Max(1, Environment.ProcessorCount);
}

/// <summary>How Extraction reaches Ingest, section <c>Services</c>: <c>Services:Ingest</c> and <c>Services:ApiKey</c>.</summary>
public sealed class IngestServiceOptions
{
    public const string Section = "Services";

    /// <summary>Ingest's gRPC address, e.g. http://ingest:8080.</summary>
    public string? Ingest { get; set; }

    /// <summary>A service key (tenant "*" in Ingest's Auth:ApiKeys) that may read any tenant's content.</summary>
    public string? ApiKey { get; set; }
}
