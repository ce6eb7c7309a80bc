using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Platform.ServiceDefaults;

namespace Platform.Ingest.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Writers are serialised by SQLite (BEGIN IMMEDIATE), so only one
/// process should relay its outbox; that is the all-in-one and single-replica shape this store is for.
/// </summary>
internal sealed class SqliteDocumentStore : SqlDocumentStore
{
    private readonly string _connectionString;

    public SqliteDocumentStore(string connectionString, TimeProvider time)
        : base(time)
    {
        // A bare path ("data/ingest.db") is accepted as well as "Data Source=...".
        if (!connectionString.Contains('=', StringComparison.Ordinal))
            connectionString = "Data Source=" + connectionString.Trim();
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        if (builder.DefaultTimeout < 30)
            builder.DefaultTimeout = 30;
        _connectionString = builder.ToString();
        DatabaseProvider.EnsureSqliteDirectory(_connectionString);
    }

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    // deferred: false is BEGIN IMMEDIATE: the write lock is taken up front, so two writers never deadlock on an upgrade.
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override string ClaimSql =>
        $"""
         UPDATE {OutboxTable} SET locked_until_us = @until, attempts = attempts + 1
         WHERE id IN (SELECT id FROM {OutboxTable}
                      WHERE sent_at_us IS NULL AND (locked_until_us IS NULL OR locked_until_us < @now)
                      ORDER BY id LIMIT @limit)
         RETURNING {OutboxColumns}
         """;

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             CREATE TABLE IF NOT EXISTS {DocumentsTable} (
                 id TEXT NOT NULL PRIMARY KEY,
                 tenant TEXT NOT NULL,
                 content_hash TEXT NOT NULL,
                 media_type TEXT NOT NULL,
                 file_name TEXT NOT NULL DEFAULT '',
                 external_id TEXT NOT NULL DEFAULT '',
                 idempotency_key TEXT NULL,
                 size_bytes INTEGER NOT NULL,
                 content BLOB NOT NULL,
                 submitted_at_us INTEGER NOT NULL,
                 UNIQUE (tenant, content_hash),
                 UNIQUE (tenant, idempotency_key)
             );
             CREATE TABLE IF NOT EXISTS {OutboxTable} (
                 id INTEGER PRIMARY KEY AUTOINCREMENT,
                 event_id TEXT NOT NULL UNIQUE,
                 event_type TEXT NOT NULL,
                 tenant TEXT NOT NULL,
                 document_id TEXT NOT NULL,
                 payload BLOB NOT NULL,
                 created_at_us INTEGER NOT NULL,
                 sent_at_us INTEGER NULL,
                 attempts INTEGER NOT NULL DEFAULT 0,
                 locked_until_us INTEGER NULL,
                 last_error TEXT NULL
             );
             CREATE INDEX IF NOT EXISTS ix_ingest_outbox_unsent ON {OutboxTable} (id) WHERE sent_at_us IS NULL;
             """, cancellationToken: cancellationToken));
    }
}
