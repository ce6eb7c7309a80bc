using Grpc.Core;
using Platform.Contracts.Query.V1;
using Platform.Query.Tests.Fixtures;
using static Platform.Query.Tests.Grpc.GrpcTestHelpers;

namespace Platform.Query.Tests.Grpc;

/// <summary>WatchEvents over real HTTP/2; each test starts its own app so the event log holds exactly its events.</summary>
public sealed class WatchEventsTests : IAsyncLifetime
{
    private static readonly Metadata AsA = QueryApp.As(QueryApp.KeyA);
    private static readonly Metadata AsB = QueryApp.As(QueryApp.KeyB);
    private QueryApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await QueryApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<string>> PublishDocumentsAsync(string tenant, int count)
    {
        var eventIds = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var id = Events.NewId("doc");
            var submitted = Events.Submitted(tenant, id);
            var extracted = Events.Extracted(tenant, id, $"Note {i}", Events.FerryBody);
            await _app.PublishAsync(submitted);
            await _app.PublishAsync(extracted);
            eventIds.Add(submitted.EventId);
            eventIds.Add(extracted.EventId);
        }

        return eventIds;
    }

    [Fact]
    public async Task WatchEvents_DisconnectAndResumeFromCursor_LosesAndRepeatsNothing()
    {
        var published = await PublishDocumentsAsync(QueryApp.TenantA, 3);
        await _app.WaitForEvents(QueryApp.TenantA, 6);

        // First connection: read part of the backlog, then hang up mid-stream.
        List<WatchEventsResponse> firstPart;
        using (var first = _app.Client.WatchEvents(new WatchEventsRequest { FromBeginning = true }, AsA, cancellationToken: TestContext.Current.CancellationToken))
            firstPart = await first.Take(4);

        // While disconnected: more events, and a redelivery of one already applied.
        published.AddRange(await PublishDocumentsAsync(QueryApp.TenantA, 2));
        await _app.PublishAsync(Events.Submitted(QueryApp.TenantA, "doc-redelivered", eventId: published[0]));
        await _app.WaitForEvents(QueryApp.TenantA, 10);

        // Reconnect with the last cursor: the rest of the backlog, then live events.
        using var second = _app.Client.WatchEvents(new WatchEventsRequest { Cursor = firstPart[^1].Cursor }, AsA, cancellationToken: TestContext.Current.CancellationToken);
        var backlog = await second.Take(6);
        published.AddRange(await PublishDocumentsAsync(QueryApp.TenantA, 1));
        var live = await second.Take(2);

        var received = firstPart.Concat(backlog).Concat(live).ToList();
        Assert.Equal(published.Order(), received.Select(r => r.EventId()).Order());
        var sequences = received.Select(r => long.Parse(r.Cursor, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());
        Assert.All(received, r => Assert.NotNull(r.OccurredAt));
    }

    [Fact]
    public async Task WatchEvents_StreamsTheExtractionWithTheEvent()
    {
        await PublishDocumentsAsync(QueryApp.TenantA, 1);
        await _app.WaitForEvents(QueryApp.TenantA, 2);

        using var call = _app.Client.WatchEvents(new WatchEventsRequest { FromBeginning = true }, AsA, cancellationToken: TestContext.Current.CancellationToken);
        var events = await call.Take(2);

        var extracted = Assert.Single(events, e => e.EventCase == WatchEventsResponse.EventOneofCase.Extracted);
        Assert.Equal(Events.FerryBody, extracted.Extracted.Extraction.Body);
        Assert.Single(events, e => e.EventCase == WatchEventsResponse.EventOneofCase.Submitted);
    }

    [Fact]
    public async Task WatchEvents_TenantB_SeesOnlyItsOwnEvents()
    {
        await PublishDocumentsAsync(QueryApp.TenantA, 2);
        await _app.WaitForEvents(QueryApp.TenantA, 4);
        var mine = await PublishDocumentsAsync(QueryApp.TenantB, 1);
        await _app.WaitForEvents(QueryApp.TenantB, 2);

        using var call = _app.Client.WatchEvents(new WatchEventsRequest { FromBeginning = true }, AsB, cancellationToken: TestContext.Current.CancellationToken);
        var events = await call.Take(2);
        // Tenant A's later events must not reach B's open stream either.
        await PublishDocumentsAsync(QueryApp.TenantA, 1);
        var later = await PublishDocumentsAsync(QueryApp.TenantB, 1);
        events.AddRange(await call.Take(2));

        Assert.All(events, e => Assert.Equal(QueryApp.TenantB, e.Tenant()));
        Assert.Equal(mine.Concat(later).Order(), events.Select(e => e.EventId()).Order());
    }

    [Fact]
    public async Task WatchEvents_WithoutCursor_StreamsOnlyEventsAfterTheCallStarted()
    {
        await PublishDocumentsAsync(QueryApp.TenantA, 1);
        await _app.WaitForEvents(QueryApp.TenantA, 2);

        using var call = _app.Client.WatchEvents(new WatchEventsRequest(), AsA, cancellationToken: TestContext.Current.CancellationToken);
        await call.ResponseHeadersAsync;
        var failed = Events.Failed(QueryApp.TenantA, "doc-live", "unsupported media type image/png");
        await _app.PublishAsync(failed);

        var first = Assert.Single(await call.Take(1));
        Assert.Equal(WatchEventsResponse.EventOneofCase.Failed, first.EventCase);
        Assert.Equal(failed.EventId, first.Failed.EventId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("1000")]
    public async Task WatchEvents_InvalidCursor_ReturnsInvalidArgument(string cursor)
    {
        using var call = _app.Client.WatchEvents(new WatchEventsRequest { Cursor = cursor }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        await AssertStatus(StatusCode.InvalidArgument, () => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WatchEvents_WithoutApiKey_ReturnsUnauthenticated()
    {
        using var call = _app.Client.WatchEvents(new WatchEventsRequest { FromBeginning = true }, cancellationToken: TestContext.Current.CancellationToken);

        await AssertStatus(StatusCode.Unauthenticated, () => call.ResponseStream.MoveNext(TestContext.Current.CancellationToken));
    }
}
