using Platform.Contracts.Documents.V1;

namespace Platform.Query.Storage;

public enum ApplyOutcome
{
    /// <summary>The read model changed and the event was appended to the event log.</summary>
    Applied,

    /// <summary>An event with this id was applied before (redelivery).</summary>
    DuplicateEvent,

    /// <summary>
    /// A new event id carrying nothing new: the same (document id, engine version) again, a second
    /// DocumentSubmitted, or a failure for a document that already has an extraction.
    /// </summary>
    Ignored,
}

public sealed record ApplyResult(ApplyOutcome Outcome, long Sequence = 0)
{
    public static readonly ApplyResult Duplicate = new(ApplyOutcome.DuplicateEvent);
    public static readonly ApplyResult Ignored = new(ApplyOutcome.Ignored);
}

/// <summary>A document of the read model; <see cref="Extraction"/> is loaded only by GetDocument.</summary>
public sealed record StoredDocument(long Key, Document Document, string Title, string PublishedAt, string Source, Extraction? Extraction);

public sealed record DocumentPage(IReadOnlyList<StoredDocument> Documents, long? NextAfterKey);

public sealed record SearchHitRecord(StoredDocument Document, double Score, string Snippet);

public sealed record SearchPage(IReadOnlyList<SearchHitRecord> Hits, bool HasMore);

/// <summary>One row of the event log; <see cref="Sequence"/> is global, increasing in commit order.</summary>
public sealed record StoredEvent(long Sequence, string Tenant, string EventId, string EventType, string DocumentId, byte[] Payload, DateTimeOffset OccurredAt);
