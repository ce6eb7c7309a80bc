using System.Data.Common;
using Dapper;

namespace Platform.Ingest.Storage;

/// <summary>
/// What the SQLite and PostgreSQL stores share: the submit transaction, reads and outbox bookkeeping. The dialects
/// differ in how they open connections and write transactions, create the schema and claim outbox rows.
/// </summary>
internal abstract class SqlDocumentStore(TimeProvider time) : IDocumentStore
{
    protected const string DocumentsTable = "ingest_documents";
    protected const string OutboxTable = "ingest_outbox";

    private const string MetadataColumns =
        "id AS Id, tenant AS Tenant, content_hash AS ContentHash, media_type AS MediaType, file_name AS FileName, " +
        "external_id AS ExternalId, idempotency_key AS IdempotencyKey, size_bytes AS SizeBytes, submitted_at_us AS SubmittedAtUs";

    protected const string OutboxColumns =
        "id AS Id, event_id AS EventId, event_type AS EventType, tenant AS Tenant, document_id AS DocumentId, payload AS Payload, " +
        "attempts AS Attempts, created_at_us AS CreatedAtUs";

    protected TimeProvider Time { get; } = time;

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    protected abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>SQL that reserves unsent rows (@now, @until, @limit) and returns them with <see cref="OutboxColumns"/>.</summary>
    protected abstract string ClaimSql { get; }

    /// <summary>A predicate matching <c>id</c> against the list parameter @ids (Dapper expands lists for SQLite; Npgsql takes arrays).</summary>
    protected virtual string IdInList => "id IN @ids";

    public abstract Task InitializeAsync(CancellationToken cancellationToken);

    public static long ToMicros(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public async Task<SubmitResult> SubmitAsync(NewDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var connection = await OpenAsync(cancellationToken);

        // Cheap look-up first: a retry or a resubmission should not ship the content into a write transaction.
        if (await FindExistingAsync(connection, null, document, cancellationToken) is { } existing)
            return existing;

        await using (var tx = await BeginWriteAsync(connection, cancellationToken))
        {
            // ON CONFLICT DO NOTHING covers both unique keys (tenant+hash, tenant+idempotency key): when a concurrent
            // submission won the race, nothing is inserted here and the winner is read back below.
            var inserted = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                 INSERT INTO {DocumentsTable} (id, tenant, content_hash, media_type, file_name, external_id, idempotency_key, size_bytes, content, submitted_at_us)
                 VALUES (@Id, @Tenant, @ContentHash, @MediaType, @FileName, @ExternalId, @IdempotencyKey, @SizeBytes, @Content, @SubmittedAtUs)
                 ON CONFLICT DO NOTHING
                 """,
                new
                {
                    document.Id,
                    document.Tenant,
                    document.ContentHash,
                    document.MediaType,
                    document.FileName,
                    document.ExternalId,
                    IdempotencyKey = string.IsNullOrEmpty(document.IdempotencyKey) ? null : document.IdempotencyKey,
                    SizeBytes = (long)document.Content.Length,
                    document.Content,
                    SubmittedAtUs = ToMicros(document.SubmittedAt),
                }, tx, cancellationToken: cancellationToken));

            if (inserted == 1)
            {
                // Same transaction: the event exists exactly when the document does.
                await connection.ExecuteAsync(new CommandDefinition(
                    $"""
                     INSERT INTO {OutboxTable} (event_id, event_type, tenant, document_id, payload, created_at_us, attempts)
                     VALUES (@EventId, @EventType, @Tenant, @DocumentId, @Payload, @CreatedAtUs, 0)
                     """,
                    new
                    {
                        document.Event.EventId,
                        document.Event.EventType,
                        document.Tenant,
                        DocumentId = document.Id,
                        document.Event.Payload,
                        CreatedAtUs = ToMicros(Time.GetUtcNow()),
                    }, tx, cancellationToken: cancellationToken));
                await tx.CommitAsync(cancellationToken);
                return new SubmitResult(SubmitStatus.Created, new StoredDocument
                {
                    Id = document.Id,
                    Tenant = document.Tenant,
                    ContentHash = document.ContentHash,
                    MediaType = document.MediaType,
                    FileName = document.FileName,
                    ExternalId = document.ExternalId,
                    IdempotencyKey = string.IsNullOrEmpty(document.IdempotencyKey) ? null : document.IdempotencyKey,
                    SizeBytes = document.Content.Length,
                    SubmittedAtUs = ToMicros(document.SubmittedAt),
                });
            }

            await tx.RollbackAsync(cancellationToken);
        }

        return await FindExistingAsync(connection, null, document, cancellationToken)
               ?? throw new InvalidOperationException($"Document {document.Id} conflicted with an existing row that cannot be found");
    }

    /// <summary>The document a submission duplicates: by idempotency key first (a retry), then by content.</summary>
    private static async Task<SubmitResult?> FindExistingAsync(DbConnection connection, DbTransaction? tx, NewDocument document, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(document.IdempotencyKey))
        {
            var byKey = await connection.QuerySingleOrDefaultAsync<StoredDocument>(new CommandDefinition(
                $"SELECT {MetadataColumns} FROM {DocumentsTable} WHERE tenant = @Tenant AND idempotency_key = @IdempotencyKey",
                new { document.Tenant, document.IdempotencyKey }, tx, cancellationToken: cancellationToken));
            if (byKey is not null)
            {
                return byKey.ContentHash == document.ContentHash
                    ? new SubmitResult(SubmitStatus.Duplicate, byKey)
                    : new SubmitResult(SubmitStatus.IdempotencyKeyConflict, byKey);
            }
        }

        var byHash = await connection.QuerySingleOrDefaultAsync<StoredDocument>(new CommandDefinition(
            $"SELECT {MetadataColumns} FROM {DocumentsTable} WHERE tenant = @Tenant AND content_hash = @ContentHash",
            new { document.Tenant, document.ContentHash }, tx, cancellationToken: cancellationToken));
        return byHash is null ? null : new SubmitResult(SubmitStatus.Duplicate, byHash);
    }

    public async Task<StoredDocument?> GetAsync(string? tenant, string documentId, bool includeContent, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var columns = includeContent ? MetadataColumns + ", content AS Content" : MetadataColumns;
        var sql = tenant is null
            ? $"SELECT {columns} FROM {DocumentsTable} WHERE id = @documentId"
            : $"SELECT {columns} FROM {DocumentsTable} WHERE id = @documentId AND tenant = @tenant";
        return await connection.QuerySingleOrDefaultAsync<StoredDocument>(new CommandDefinition(sql, new { documentId, tenant }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            ClaimSql, new { now = ToMicros(now), until = ToMicros(now + lease), limit }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        // RETURNING gives no order guarantee; the relay publishes oldest first.
        return rows.OrderBy(r => r.Id).ToList();
    }

    public async Task MarkSentAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken)
    {
        if (outboxIds.Count == 0)
            return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {OutboxTable} SET sent_at_us = @now, locked_until_us = NULL, last_error = NULL WHERE {IdInList}",
            new { now = ToMicros(Time.GetUtcNow()), ids = outboxIds.ToArray() }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task ReleaseAsync(IReadOnlyCollection<long> outboxIds, string error, CancellationToken cancellationToken)
    {
        if (outboxIds.Count == 0)
            return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {OutboxTable} SET locked_until_us = NULL, last_error = @error WHERE {IdInList} AND sent_at_us IS NULL",
            new { error = error.Length > 2000 ? error[..2000] : error, ids = outboxIds.ToArray() }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<long> CountPendingOutboxAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {OutboxTable} WHERE sent_at_us IS NULL", cancellationToken: cancellationToken));
    }

    public async Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Pending, long? MaxAttempts)>(new CommandDefinition(
            $"SELECT COUNT(*), MAX(attempts) FROM {OutboxTable} WHERE sent_at_us IS NULL", cancellationToken: cancellationToken));
        var lastError = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            $"SELECT last_error FROM {OutboxTable} WHERE sent_at_us IS NULL AND last_error IS NOT NULL ORDER BY id DESC LIMIT 1", cancellationToken: cancellationToken));
        return new OutboxStatus(counts.Pending, counts.MaxAttempts ?? 0, lastError);
    }

    public async Task<int> PurgeSentOutboxAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {OutboxTable} WHERE sent_at_us IS NOT NULL AND sent_at_us < @before",
            new { before = ToMicros(sentBefore) }, tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
        return deleted;
    }
}
