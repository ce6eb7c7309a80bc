namespace Platform.Ingest;

/// <summary>Settings of the Ingest module, section <c>Ingest</c> (overridable as <c>Ingest__MaxDocumentBytes</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Used when <c>ConnectionStrings:documents</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=data/ingest.db";

    /// <summary>Largest accepted document (original bytes). Larger ones get ResourceExhausted.</summary>
    public long MaxDocumentBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Most documents in one SubmitDocuments call.</summary>
    public int MaxBatchItems { get; set; } = 100;

    /// <summary>
    /// How often the outbox relay looks for unsent events without a local signal. Submissions on this replica wake
    /// the relay at once; the poll covers rows written by other replicas and rows whose claim expired.
    /// </summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Outbox rows claimed and published per round.</summary>
    public int OutboxBatchSize { get; set; } = 100;

    /// <summary>How long a claimed row stays reserved for one relay; a relay that dies lets another take over after it.</summary>
    public TimeSpan OutboxClaimLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for one publish (with publisher confirms) before the broker is treated as unavailable.</summary>
    public TimeSpan OutboxPublishTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>First back-off after a failed publish; it doubles up to <see cref="OutboxRetryMaxDelay"/>.</summary>
    public TimeSpan OutboxRetryMinDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan OutboxRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sent outbox rows older than this are deleted (the documents stay).</summary>
    public TimeSpan OutboxRetention { get; set; } = TimeSpan.FromDays(7);
}
