using System.Data.Common;
using Dapper;
using Platform.Contracts.Documents.V1;

namespace Platform.Query.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the apply transaction, listing and the event log. The dialects
/// differ in how they open a write transaction, keep the full-text index, search and create the schema.
/// </summary>
internal abstract class SqlQueryStore(TimeProvider time) : IQueryStore
{
    protected const string DocumentsTable = "query_documents";
    protected const string EventLogTable = "query_event_log";

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>A write transaction during which no other writer can append to the event log.</summary>
    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    protected abstract Task WriteIndexAsync(DbConnection connection, DbTransaction transaction, DocumentRow row, Extraction extraction, CancellationToken cancellationToken);

    /// <summary>Last chance to adjust values before they are written (PostgreSQL refuses NUL in text).</summary>
    protected virtual string Clean(string value) => value;

    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    public abstract Task<SearchPage> SearchAsync(string tenant, FullTextQuery query, int pageSize, int offset, CancellationToken cancellationToken);

    public async Task<ApplyResult> ApplyAsync(QueryEvent evt, CancellationToken cancellationToken)
    {
        if (evt.Validate() is { } problem)
            throw new ArgumentException($"Invalid {evt.EventType}: {problem}", nameof(evt));

        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);

        var seen = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT seq FROM {EventLogTable} WHERE event_id = @EventId", new { evt.EventId }, tx, cancellationToken: cancellationToken));
        if (seen is not null)
            return ApplyResult.Duplicate;

        var current = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentRow.ColumnsWithExtraction} FROM {DocumentsTable} d WHERE d.tenant = @Tenant AND d.document_id = @DocumentId",
            new { evt.Tenant, evt.DocumentId }, tx, cancellationToken: cancellationToken));

        var next = ReadModelRules.Apply(current, evt, DocumentRow.ToMicros(time.GetUtcNow()), out var indexChanged);
        if (next is null)
            return ApplyResult.Ignored;

        CleanRow(next);
        if (current is null)
        {
            next.DocKey = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"""
                 INSERT INTO {DocumentsTable} (tenant, document_id, state, media_type, file_name, content_hash, size_bytes, external_id,
                     submitted_at_us, title, source, published_at, engine_version, extraction, failure_reason, error_code, created_at_us, updated_at_us)
                 VALUES (@Tenant, @DocumentId, @State, @MediaType, @FileName, @ContentHash, @SizeBytes, @ExternalId,
                     @SubmittedAtUs, @Title, @Source, @PublishedAt, @EngineVersion, @Extraction, @FailureReason, @ErrorCode, @CreatedAtUs, @UpdatedAtUs)
                 RETURNING doc_key
                 """, next, tx, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"""
                 UPDATE {DocumentsTable} SET state = @State, media_type = @MediaType, file_name = @FileName, content_hash = @ContentHash,
                     size_bytes = @SizeBytes, external_id = @ExternalId, submitted_at_us = @SubmittedAtUs, title = @Title, source = @Source,
                     published_at = @PublishedAt, engine_version = @EngineVersion, extraction = @Extraction, failure_reason = @FailureReason,
                     error_code = @ErrorCode, updated_at_us = @UpdatedAtUs
                 WHERE doc_key = @DocKey
                 """, next, tx, cancellationToken: cancellationToken));
        }

        if (indexChanged)
            await WriteIndexAsync(connection, tx, next, evt.Extracted!.Extraction, cancellationToken);

        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"""
             INSERT INTO {EventLogTable} (tenant, event_id, event_type, document_id, payload, occurred_at_us, recorded_at_us)
             VALUES (@Tenant, @EventId, @EventType, @DocumentId, @Payload, @OccurredAtUs, @RecordedAtUs)
             RETURNING seq
             """,
            new
            {
                evt.Tenant,
                evt.EventId,
                evt.EventType,
                evt.DocumentId,
                Payload = Google.Protobuf.MessageExtensions.ToByteArray(evt.Message),
                OccurredAtUs = DocumentRow.ToMicros(evt.OccurredAt),
                RecordedAtUs = next.UpdatedAtUs,
            }, tx, cancellationToken: cancellationToken));

        await tx.CommitAsync(cancellationToken);
        return new ApplyResult(ApplyOutcome.Applied, sequence);
    }

    private void CleanRow(DocumentRow row)
    {
        row.MediaType = Clean(row.MediaType);
        row.FileName = Clean(row.FileName);
        row.ContentHash = Clean(row.ContentHash);
        row.ExternalId = Clean(row.ExternalId);
        row.Title = Clean(row.Title);
        row.Source = Clean(row.Source);
        row.PublishedAt = Clean(row.PublishedAt);
        row.EngineVersion = Clean(row.EngineVersion);
        row.FailureReason = Clean(row.FailureReason);
        row.ErrorCode = Clean(row.ErrorCode);
    }

    public async Task<StoredDocument?> GetDocumentAsync(string tenant, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentRow.ColumnsWithExtraction} FROM {DocumentsTable} d WHERE d.tenant = @tenant AND d.document_id = @documentId",
            new { tenant, documentId }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public async Task<DocumentPage> ListDocumentsAsync(string tenant, DocumentState? state, int pageSize, long? afterKey, CancellationToken cancellationToken)
    {
        var where = "d.tenant = @tenant";
        if (state is not null)
            where += " AND d.state = @state";
        if (afterKey is not null)
            where += " AND d.doc_key < @afterKey";

        await using var connection = await OpenAsync(cancellationToken);
        // One extra row tells whether another page exists without a COUNT.
        var rows = (await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentRow.Columns} FROM {DocumentsTable} d WHERE {where} ORDER BY d.doc_key DESC LIMIT @limit",
            new { tenant, state = (long?)state, afterKey, limit = pageSize + 1 }, cancellationToken: cancellationToken))).ToList();

        var hasMore = rows.Count > pageSize;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);
        return new DocumentPage(rows.Select(r => r.ToStored()).ToList(), hasMore ? rows[^1].DocKey : null);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(string tenant, long afterSequence, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            $"""
             SELECT seq AS Seq, tenant AS Tenant, event_id AS EventId, event_type AS EventType, document_id AS DocumentId,
                    payload AS Payload, occurred_at_us AS OccurredAtUs
             FROM {EventLogTable} WHERE tenant = @tenant AND seq > @afterSequence ORDER BY seq LIMIT @limit
             """, new { tenant, afterSequence, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new StoredEvent(r.Seq, r.Tenant, r.EventId, r.EventType, r.DocumentId, r.Payload, DocumentRow.FromMicros(r.OccurredAtUs))).ToList();
    }

    /// <summary>Runs a search whose SQL selects the document columns, then Score and Snippet.</summary>
    protected async Task<SearchPage> QuerySearchAsync(string sql, object parameters, int pageSize, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<DocumentRow, SearchRow, SearchHitRecord>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken),
            (document, hit) => new SearchHitRecord(document.ToStored(), hit.Score, hit.Snippet ?? ""),
            splitOn: "Score")).ToList();
        var hasMore = rows.Count > pageSize;
        if (hasMore)
            rows.RemoveAt(rows.Count - 1);
        return new SearchPage(rows, hasMore);
    }

    public async Task<long> GetLastSequenceAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COALESCE(MAX(seq), 0) FROM {EventLogTable}", cancellationToken: cancellationToken));
    }

    /// <summary>Rows of a search, with the columns every search returns beyond the document.</summary>
    protected sealed class SearchRow
    {
        public double Score { get; set; }
        public string? Snippet { get; set; }
    }

    private sealed class EventRow
    {
        public long Seq { get; set; }
        public string Tenant { get; set; } = "";
        public string EventId { get; set; } = "";
        public string EventType { get; set; } = "";
        public string DocumentId { get; set; } = "";
        public byte[] Payload { get; set; } = [];
        public long OccurredAtUs { get; set; }
    }
}
