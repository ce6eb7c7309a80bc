using Platform.Contracts.Documents.V1;

namespace Platform.Query.Storage;

/// <summary>
/// The read model, its full-text index and the event log. Two implementations: SQLite with FTS5 (embedded default)
/// and PostgreSQL with tsvector + GIN; both pass the same test suite.
/// </summary>
public interface IQueryStore
{
    /// <summary>Creates or upgrades the schema; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the read model and appends the event log in one transaction. Idempotent on the event id and on
    /// (document id, engine version).
    /// </summary>
    Task<ApplyResult> ApplyAsync(QueryEvent evt, CancellationToken cancellationToken);

    Task<StoredDocument?> GetDocumentAsync(string tenant, string documentId, CancellationToken cancellationToken);

    /// <summary>Newest first (by the order documents entered the read model), keyset-paged after <paramref name="afterKey"/>.</summary>
    Task<DocumentPage> ListDocumentsAsync(string tenant, DocumentState? state, int pageSize, long? afterKey, CancellationToken cancellationToken);

    /// <summary>Best match first; <paramref name="offset"/>/<paramref name="pageSize"/> page through the ranking.</summary>
    Task<SearchPage> SearchAsync(string tenant, FullTextQuery query, int pageSize, int offset, CancellationToken cancellationToken);

    /// <summary>The tenant's events with a sequence greater than <paramref name="afterSequence"/>, in sequence order.</summary>
    Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The highest sequence number in the event log (0 when empty).</summary>
    Task<long> GetLastSequenceAsync(CancellationToken cancellationToken);
}
