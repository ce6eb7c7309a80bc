using System.Data.Common;
using Dapper;
using Npgsql;
using Platform.ServiceDefaults;
using Platform.Contracts.Documents.V1;

namespace Platform.Query.Storage;

/// <summary>
/// The store at scale: PostgreSQL with a weighted tsvector (title A, entity names B, body C) under a GIN index,
/// ts_rank for ranking and ts_headline for snippets. Several Query replicas may share the database.
/// </summary>
internal sealed class PostgresQueryStore : SqlQueryStore, IAsyncDisposable
{
    private const string TextConfig = "english";

    // Every writer takes this transaction-scoped lock before it appends, so sequence numbers are handed out in
    // commit order: a reader that has seen seq N can never later find a smaller one appear (WatchEvents relies on it).
    private const long AppendLockKey = 0x51_75_65_72_79_4C_6F_67; // "QueryLog"
    private const long SchemaLockKey = 0x51_75_65_72_79_44_44_4C; // "QueryDDL"

    // tsvector has a 1 MB limit; a body beyond this is indexed by its beginning (the whole body is still stored).
    private const int MaxIndexedChars = 500_000;

    private readonly NpgsqlDataSource _dataSource;

    public PostgresQueryStore(string connectionString, TimeProvider time)
        : base(time)
    {
        _dataSource = NpgsqlDataSource.Create(DatabaseProvider.ToPostgresKeyValue(connectionString));
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    protected override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tx = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = AppendLockKey }, tx, cancellationToken: cancellationToken));
        return tx;
    }

    // PostgreSQL text cannot hold NUL; the engine should never emit one, but a stray one must not poison the consumer.
    protected override string Clean(string value) => value.Contains('\0', StringComparison.Ordinal) ? value.Replace("\0", "", StringComparison.Ordinal) : value;

    public override async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Replicas starting together would otherwise race on CREATE TABLE IF NOT EXISTS.
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = SchemaLockKey }, tx, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             CREATE TABLE IF NOT EXISTS {DocumentsTable} (
                 doc_key bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 tenant text NOT NULL,
                 document_id text NOT NULL,
                 state bigint NOT NULL,
                 media_type text NOT NULL DEFAULT '',
                 file_name text NOT NULL DEFAULT '',
                 content_hash text NOT NULL DEFAULT '',
                 size_bytes bigint NOT NULL DEFAULT 0,
                 external_id text NOT NULL DEFAULT '',
                 submitted_at_us bigint NULL,
                 title text NOT NULL DEFAULT '',
                 source text NOT NULL DEFAULT '',
                 published_at text NOT NULL DEFAULT '',
                 engine_version text NOT NULL DEFAULT '',
                 extraction bytea NULL,
                 failure_reason text NOT NULL DEFAULT '',
                 error_code text NOT NULL DEFAULT '',
                 created_at_us bigint NOT NULL,
                 updated_at_us bigint NOT NULL,
                 body text NOT NULL DEFAULT '',
                 search tsvector NOT NULL DEFAULT ''::tsvector,
                 UNIQUE (tenant, document_id)
             );
             CREATE INDEX IF NOT EXISTS ix_query_documents_tenant_state ON {DocumentsTable} (tenant, state, doc_key);
             CREATE INDEX IF NOT EXISTS ix_query_documents_search ON {DocumentsTable} USING GIN (search);
             CREATE TABLE IF NOT EXISTS {EventLogTable} (
                 seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                 tenant text NOT NULL,
                 event_id text NOT NULL UNIQUE,
                 event_type text NOT NULL,
                 document_id text NOT NULL,
                 payload bytea NOT NULL,
                 occurred_at_us bigint NOT NULL,
                 recorded_at_us bigint NOT NULL
             );
             CREATE INDEX IF NOT EXISTS ix_query_event_log_tenant_seq ON {EventLogTable} (tenant, seq);
             """, transaction: tx, cancellationToken: cancellationToken));
        await tx.CommitAsync(cancellationToken);
    }

    protected override async Task WriteIndexAsync(DbConnection connection, DbTransaction transaction, DocumentRow row, Extraction extraction, CancellationToken cancellationToken)
    {
        var body = Clean(extraction.Body);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             UPDATE {DocumentsTable} SET body = @body,
                 search = setweight(to_tsvector('{TextConfig}', @title), 'A')
                       || setweight(to_tsvector('{TextConfig}', @entities), 'B')
                       || setweight(to_tsvector('{TextConfig}', @indexedBody), 'C')
             WHERE doc_key = @DocKey
             """,
            new
            {
                row.DocKey,
                body,
                title = Clean(extraction.Title),
                entities = Clean(QueryEvent.EntityText(extraction)),
                indexedBody = body.Length > MaxIndexedChars ? body[..MaxIndexedChars] : body,
            }, transaction, cancellationToken: cancellationToken));
    }

    public override Task<SearchPage> SearchAsync(string tenant, FullTextQuery query, int pageSize, int offset, CancellationToken cancellationToken)
    {
        var (tsQuery, clauseParameters) = query.ToTsQuery(TextConfig);
        var parameters = new DynamicParameters(new { tenant, state = (long)DocumentState.Extracted, limit = pageSize + 1, offset });
        foreach (var (name, value) in clauseParameters)
            parameters.Add(name, value);

        // Rank in the inner query and build headlines only for the page: ts_headline re-parses the whole body.
        var sql =
            $"""
             WITH q AS (SELECT {tsQuery} AS query),
             hits AS (
                 SELECT d.doc_key, ts_rank(d.search, q.query)::float8 AS score
                 FROM {DocumentsTable} d, q
                 WHERE d.tenant = @tenant AND d.state = @state AND d.search @@ q.query
                 ORDER BY score DESC, d.doc_key DESC
                 LIMIT @limit OFFSET @offset)
             SELECT {DocumentRow.Columns}, hits.score AS Score,
                    ts_headline('{TextConfig}', d.body, q.query,
                        'StartSel="{SnippetMarks.Open}", StopSel="{SnippetMarks.Close}", MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "') AS Snippet
             FROM hits JOIN {DocumentsTable} d ON d.doc_key = hits.doc_key, q
             ORDER BY hits.score DESC, d.doc_key DESC
             """;
        return QuerySearchAsync(sql, parameters, pageSize, cancellationToken);
    }
}
