using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Platform.Query.Tests.Fixtures;

namespace Platform.Query.Tests.Grpc;

/// <summary>Two Query replicas on one PostgreSQL database, each with its own bus: what one applies, the other serves.</summary>
public sealed class PostgresReplicaTests(PostgresServer server)
{
    [Fact]
    public async Task WatchEvents_OnAnotherReplica_SeesEventsThroughThePeriodicRepoll()
    {
        var database = await server.CreateDatabaseAsync();
        await using var writer = await QueryApp.StartAsync(database);
        await using var reader = await QueryApp.StartAsync(database, pollInterval: TimeSpan.FromMilliseconds(200));
        var keyA = QueryApp.As(QueryApp.KeyA);

        using var call = reader.Client.WatchEvents(new WatchEventsRequest { FromBeginning = true }, keyA, cancellationToken: TestContext.Current.CancellationToken);
        await call.ResponseHeadersAsync;
        // Published to the writer's bus only: the reader's in-process signal never fires for it.
        var submitted = Events.Submitted(QueryApp.TenantA, "doc-replica");
        var extracted = Events.Extracted(QueryApp.TenantA, "doc-replica", "Lighthouse relit", Events.LighthouseBody);
        await writer.PublishAsync(submitted);
        await writer.PublishAsync(extracted);

        var events = await call.Take(2);

        Assert.Equal(new[] { submitted.EventId, extracted.EventId }.Order(), events.Select(e => e.EventId()).Order());
        var document = await Eventually.GetAsync(
            () => reader.Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = "doc-replica" }, keyA).ResponseAsync,
            r => r.Document.State == DocumentState.Extracted, "document extracted on the reader");
        Assert.Equal("Lighthouse relit", document.Extraction.Title);
        var search = await reader.Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = "\"harbour trust\"" }, keyA, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("doc-replica", Assert.Single(search.Hits).Document.Document.Id);
        Assert.Contains("**", Assert.Single(search.Hits).Snippet, StringComparison.Ordinal);
    }
}
