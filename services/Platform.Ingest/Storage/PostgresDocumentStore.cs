using System.Data.Common;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults;

namespace Platform.Ingest.Storage;

/// <summary>
/// The store at scale: PostgreSQL, shared by any number of Ingest replicas. Relays claim outbox rows with
/// FOR UPDATE SKIP LOCKED plus a lease, so replicas split the backlog instead of publishing the same rows.
/// </summary>
internal sealed class PostgresDocumentStore : SqlDocumentStore, IAsyncDisposable
{
    private const long SchemaLockKey = 0x49_6E_67_65_73_74_44_4C; // "IngestDL"

    private readonly NpgsqlDataSource _dataSource;

    public PostgresDocumentStore(string connectionString, TimeProvider time)
        : base(time)
    {
        _dataSource = NpgsqlDataSource.Create(DatabaseProvider.ToPostgresKeyValue(connectionString));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    protected override string IdInList => "id = ANY(@ids)";

    protected override string ClaimSql =>
        $"""
         WITH claimed AS (
             SELECT id FROM {OutboxTable}
             WHERE sent_at_us IS NULL AND (locked_until_us IS NULL OR locked_until_us < @now)
             ORDER BY id LIMIT @limit
             FOR UPDATE SKIP LOCKED)
         UPDATE {OutboxTable} o SET locked_until_us = @until, attempts = o.attempts + 1
         FROM claimed WHERE o.id = claimed.id
         RETURNING o.id AS Id, o.event_id AS EventId, o.event_type AS EventType, o.tenant AS Tenant, o.document_id AS DocumentId,
                   o.payload AS Payload, o.attempts AS Attempts, o.created_at_us AS CreatedAtUs
         """;

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas starting together would otherwise race on CREATE TABLE IF NOT EXISTS.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             CREATE TABLE IF NOT EXISTS {DocumentsTable} (
                 id text NOT NULL PRIMARY KEY,
                 tenant text NOT NULL,
                 content_hash text NOT NULL,
                 media_type text NOT NULL,
                 file_name text NOT NULL DEFAULT '',
                 external_id text NOT NULL DEFAULT '',
                 idempotency_key text NULL,
                 size_bytes bigint NOT NULL,
                 content bytea NOT NULL,
                 submitted_at_us bigint NOT NULL,
                 UNIQUE (tenant, content_hash),
                 UNIQUE (tenant, idempotency_key)
             );
             CREATE TABLE IF NOT EXISTS {OutboxTable} (
                 id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 event_id text NOT NULL UNIQUE,
                 event_type text NOT NULL,
                 tenant text NOT NULL,
                 document_id text NOT NULL,
                 payload bytea NOT NULL,
                 created_at_us bigint NOT NULL,
                 sent_at_us bigint NULL,
                 attempts integer NOT NULL DEFAULT 0,
                 locked_until_us bigint NULL,
                 last_error text NULL
             );
             CREATE INDEX IF NOT EXISTS ix_ingest_outbox_unsent ON {OutboxTable} (id) WHERE sent_at_us IS NULL;
             """, transaction: tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }
}
