using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Platform.Contracts.Documents.V1;
using Platform.ServiceDefaults;

namespace Platform.Query.Storage;

/// <summary>
/// The embedded store: one SQLite file (WAL) with an FTS5 index over title, entity names and body.
/// Writers are serialised by SQLite itself (BEGIN IMMEDIATE), so sequence order is commit order.
/// </summary>
internal sealed class SqliteQueryStore : SqlQueryStore
{
    private const string FtsTable = "query_documents_fts";
    private readonly string _connectionString;

    public SqliteQueryStore(string connectionString, TimeProvider time)
        : base(time)
    {
        // A bare path ("data/query.db") is accepted as well as "Data Source=...".
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

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode=WAL;", cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             CREATE TABLE IF NOT EXISTS {DocumentsTable} (
                 doc_key INTEGER PRIMARY KEY AUTOINCREMENT,
                 tenant TEXT NOT NULL,
                 document_id TEXT NOT NULL,
                 state INTEGER NOT NULL,
                 media_type TEXT NOT NULL DEFAULT '',
                 file_name TEXT NOT NULL DEFAULT '',
                 content_hash TEXT NOT NULL DEFAULT '',
                 size_bytes INTEGER NOT NULL DEFAULT 0,
                 external_id TEXT NOT NULL DEFAULT '',
                 submitted_at_us INTEGER NULL,
                 title TEXT NOT NULL DEFAULT '',
                 source TEXT NOT NULL DEFAULT '',
                 published_at TEXT NOT NULL DEFAULT '',
                 engine_version TEXT NOT NULL DEFAULT '',
                 extraction BLOB NULL,
                 failure_reason TEXT NOT NULL DEFAULT '',
                 error_code TEXT NOT NULL DEFAULT '',
                 created_at_us INTEGER NOT NULL,
                 updated_at_us INTEGER NOT NULL,
                 UNIQUE (tenant, document_id)
             );
             CREATE INDEX IF NOT EXISTS ix_query_documents_tenant_state ON {DocumentsTable} (tenant, state, doc_key);
             CREATE VIRTUAL TABLE IF NOT EXISTS {FtsTable} USING fts5(title, entities, body, tokenize = 'porter unicode61 remove_diacritics 2');
             CREATE TABLE IF NOT EXISTS {EventLogTable} (
                 seq INTEGER PRIMARY KEY AUTOINCREMENT,
                 tenant TEXT NOT NULL,
                 event_id TEXT NOT NULL UNIQUE,
                 event_type TEXT NOT NULL,
                 document_id TEXT NOT NULL,
                 payload BLOB NOT NULL,
                 occurred_at_us INTEGER NOT NULL,
                 recorded_at_us INTEGER NOT NULL
             );
             CREATE INDEX IF NOT EXISTS ix_query_event_log_tenant_seq ON {EventLogTable} (tenant, seq);
             """, cancellationToken: cancellationToken));
    }

    protected override async Task WriteIndexAsync(DbConnection connection, DbTransaction transaction, DocumentRow row, Extraction extraction, CancellationToken cancellationToken)
    {
        // The FTS row shares the document's rowid, so re-extraction replaces it rather than adding a second one.
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {FtsTable} WHERE rowid = @DocKey; INSERT INTO {FtsTable} (rowid, title, entities, body) VALUES (@DocKey, @Title, @Entities, @Body);",
            new { row.DocKey, extraction.Title, Entities = QueryEvent.EntityText(extraction), extraction.Body }, transaction, cancellationToken: cancellationToken));
    }

    public override Task<SearchPage> SearchAsync(string tenant, FullTextQuery query, int pageSize, int offset, CancellationToken cancellationToken)
    {
        // bm25 is lower-is-better, so the score is its negation; weights favour the title, then entity names.
        var sql =
            $"""
             SELECT {DocumentRow.Columns},
                    -bm25({FtsTable}, 10.0, 4.0, 1.0) AS Score,
                    snippet({FtsTable}, 2, @open, @close, '…', 24) AS Snippet
             FROM {FtsTable} JOIN {DocumentsTable} d ON d.doc_key = {FtsTable}.rowid
             WHERE {FtsTable} MATCH @match AND d.tenant = @tenant AND d.state = @state
             ORDER BY Score DESC, d.doc_key DESC
             LIMIT @limit OFFSET @offset
             """;
        return QuerySearchAsync(sql, new
        {
            match = query.ToFts5(),
            tenant,
            state = (long)DocumentState.Extracted,
            open = SnippetMarks.Open,
            close = SnippetMarks.Close,
            limit = pageSize + 1,
            offset,
        }, pageSize, cancellationToken);
    }
}

/// <summary>How a snippet marks the matched words (the same in both stores).</summary>
public static class SnippetMarks
{
    public const string Open = "**";
    public const string Close = "**";
}
