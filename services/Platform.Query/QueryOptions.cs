namespace Platform.Query;

/// <summary>Settings of the Query module, section <c>Query</c> (overridable as <c>Query__WatchPollInterval</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "Query";

    /// <summary>Used when <c>ConnectionStrings:query</c> is not set.</summary>
    public const string DefaultConnectionString = "Data Source=data/query.db";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>
    /// How often a WatchEvents stream re-reads the event log without a local signal. The in-process signal covers
    /// events this replica applied; the poll covers events other replicas wrote to a shared PostgreSQL database.
    /// </summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Events read from the store per round trip while a stream catches up.</summary>
    public int WatchBatchSize { get; set; } = 256;

    /// <summary>Longest accepted search query, in characters.</summary>
    public int MaxQueryLength { get; set; } = 1000;
}
