namespace Platform.Ingest.Storage;

/// <summary>
/// Durable storage of Ingest: the original documents and the outbox of events announcing them. A document and its
/// outbox row are written in one transaction, so an event exists exactly when its document does.
/// </summary>
public interface IDocumentStore
{
    /// <summary>Creates or upgrades the schema; safe to run on every start and from several replicas at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new document with its outbox event, unless the tenant already has the same content or used the same
    /// idempotency key: then nothing is written and the existing document is returned. Concurrent submissions of the
    /// same content resolve to one document.
    /// </summary>
    Task<SubmitResult> SubmitAsync(NewDocument document, CancellationToken cancellationToken);

    /// <summary>A document by id; <paramref name="tenant"/> null means any tenant (service callers).</summary>
    Task<StoredDocument?> GetAsync(string? tenant, string documentId, bool includeContent, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves up to <paramref name="limit"/> unsent outbox rows, oldest first, for <paramref name="lease"/>: other
    /// relays skip them until the lease ends (a relay that dies mid-batch is taken over after it).
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int limit, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks published rows as sent.</summary>
    Task MarkSentAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken);

    /// <summary>Gives claimed rows back after a failed publish, keeping the reason, so the next round retries them.</summary>
    Task ReleaseAsync(IReadOnlyCollection<long> outboxIds, string error, CancellationToken cancellationToken);

    /// <summary>Number of outbox rows not yet published.</summary>
    Task<long> CountPendingOutboxAsync(CancellationToken cancellationToken);

    /// <summary>The backlog for operators (health check): how many rows wait, the most tries any took, the last publish error.</summary>
    Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken);

    /// <summary>Deletes outbox rows sent before <paramref name="sentBefore"/>; returns how many.</summary>
    Task<int> PurgeSentOutboxAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken);
}

/// <summary>An event to publish once the document is committed.</summary>
public sealed record OutboxEvent(string EventId, string EventType, byte[] Payload);

/// <summary>A document about to be stored.</summary>
public sealed record NewDocument(
    string Id,
    string Tenant,
    string ContentHash,
    string MediaType,
    string FileName,
    string ExternalId,
    string? IdempotencyKey,
    byte[] Content,
    DateTimeOffset SubmittedAt,
    OutboxEvent Event);

public enum SubmitStatus
{
    /// <summary>Stored now, with its outbox event.</summary>
    Created,

    /// <summary>The tenant already had the same content or idempotency key; nothing was written.</summary>
    Duplicate,

    /// <summary>The idempotency key was already used for different content; nothing was written.</summary>
    IdempotencyKeyConflict,
}

public sealed record SubmitResult(SubmitStatus Status, StoredDocument Document);

/// <summary>A stored document; <see cref="Content"/> is null unless asked for.</summary>
public sealed class StoredDocument
{
    public string Id { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string MediaType { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public string? IdempotencyKey { get; set; }
    public long SizeBytes { get; set; }
    public long SubmittedAtUs { get; set; }
    public byte[]? Content { get; set; }

    public DateTimeOffset SubmittedAt => DateTimeOffset.UnixEpoch.AddTicks(SubmittedAtUs * 10);
}

public sealed record OutboxStatus(long Pending, long MaxAttempts, string? LastError);

/// <summary>One outbox row claimed for publishing.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string EventId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public byte[] Payload { get; set; } = [];
    public int Attempts { get; set; }
    public long CreatedAtUs { get; set; }
}
