using Grpc.Core;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

[Collection(DistributedPlatformCollection.Name)]
public sealed class QueryRestartTests(DistributedPlatform platform)
{
    private const string Key = "e2e-key-watch";

    [Fact]
    public Task WatchEvents_ResumedFromCursorAfterQueryProcessKilled_DeliversEveryLaterEventOnce() => platform.RunAsync(async ct =>
    {
        var first = await SubmitAsync("first", ct);
        var before = await WatchAsync(new WatchEventsRequest { FromBeginning = true }, e => e.Extracted?.DocumentId == first, ct);
        var cursor = before[^1].Cursor;

        // Query dies (SIGKILL); a document goes through Ingest and Extraction meanwhile, its events wait in Query's queues.
        platform.Query.Kill();
        var second = await SubmitAsync("second", ct);
        await QueryWaits.UntilAsync(() => platform.Events.ExtractedFor(second).Any(), "the second document's DocumentExtracted", ct);
        await DistributedPlatform.StartAsync(platform.Query, ct);

        var after = await WatchAsync(new WatchEventsRequest { Cursor = cursor }, e => e.Extracted?.DocumentId == second, ct);
        Assert.DoesNotContain(after, e => DocumentId(e) == first);
        Assert.Single(after, e => e.Submitted?.DocumentId == second);
        Assert.Single(after, e => e.Extracted?.DocumentId == second);
        Assert.Equal(after.Count, after.Select(e => e.Cursor).Distinct().Count());

        var read = await platform.QueryClient.GetDocumentAsync(new GetDocumentRequest { DocumentId = second }, DistributedPlatform.As(Key), cancellationToken: ct);
        Assert.Equal(Platform.Contracts.Documents.V1.DocumentState.Extracted, read.Document.State);
    });

    private async Task<string> SubmitAsync(string label, CancellationToken ct)
    {
        var request = new SubmitDocumentRequest
        {
            Text = $"Harbour ferry timetable changes ({label})\n\nThe ferry company said on Monday that the {label} timetable would start in spring, with more crossings at weekends.",
            MediaType = "text/plain",
            FileName = $"watch-{label}.txt",
        };
        return (await platform.IngestClient.SubmitDocumentAsync(request, DistributedPlatform.As(Key), cancellationToken: ct)).DocumentId;
    }

    /// <summary>Reads the tenant's event stream until <paramref name="last"/> matches, then a little longer to catch repeats.</summary>
    private async Task<List<WatchEventsResponse>> WatchAsync(WatchEventsRequest request, Func<WatchEventsResponse, bool> last, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(QueryWaits.DefaultTimeout);
        using var call = platform.QueryClient.WatchEvents(request, DistributedPlatform.As(Key), cancellationToken: stop.Token);
        var events = new List<WatchEventsResponse>();
        var seenLast = false;
        try
        {
            while (await call.ResponseStream.MoveNext(stop.Token))
            {
                events.Add(call.ResponseStream.Current);
                if (!seenLast && last(call.ResponseStream.Current))
                {
                    seenLast = true;
                    stop.CancelAfter(TimeSpan.FromSeconds(2));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException || ex is RpcException { StatusCode: StatusCode.Cancelled })
        {
            ct.ThrowIfCancellationRequested();
        }

        Assert.True(seenLast, $"the awaited event did not arrive; got {events.Count} events: {string.Join(", ", events.Select(Describe))}");
        return events;
    }

    private static string? DocumentId(WatchEventsResponse e) => e.Submitted?.DocumentId ?? e.Extracted?.DocumentId ?? e.Failed?.DocumentId;

    private static string Describe(WatchEventsResponse e) => $"{e.EventCase} {DocumentId(e)}";
}
