using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Query.V1;
using Platform.Query.Storage;
using Platform.Query.Tests.Fixtures;

namespace Platform.Query.Tests.Grpc;

internal static class GrpcTestHelpers
{
    public static async Task<RpcException> AssertStatus(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, ex.StatusCode);
        return ex;
    }

    /// <summary>Waits until the app's event log holds <paramref name="count"/> events of the tenant.</summary>
    public static Task<IReadOnlyList<StoredEvent>> WaitForEvents(this QueryApp app, string tenant, int count) =>
        Eventually.GetAsync(
            () => app.Services.GetRequiredService<IQueryStore>().ReadEventsAsync(tenant, 0, 10_000, CancellationToken.None),
            events => events.Count >= count,
            $"{count} events of {tenant}");

    /// <summary>Reads exactly <paramref name="count"/> messages from a stream (the limit only keeps a broken test from hanging).</summary>
    public static async Task<List<WatchEventsResponse>> Take(this AsyncServerStreamingCall<WatchEventsResponse> call, int count, int seconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var received = new List<WatchEventsResponse>();
        while (received.Count < count)
        {
            if (!await call.ResponseStream.MoveNext(timeout.Token))
                throw new InvalidOperationException($"Stream ended after {received.Count} of {count} events");
            received.Add(call.ResponseStream.Current);
        }

        return received;
    }

    public static string EventId(this WatchEventsResponse response) => response.EventCase switch
    {
        WatchEventsResponse.EventOneofCase.Submitted => response.Submitted.EventId,
        WatchEventsResponse.EventOneofCase.Extracted => response.Extracted.EventId,
        WatchEventsResponse.EventOneofCase.Failed => response.Failed.EventId,
        _ => throw new InvalidOperationException("event not set"),
    };

    public static string Tenant(this WatchEventsResponse response) => response.EventCase switch
    {
        WatchEventsResponse.EventOneofCase.Submitted => response.Submitted.Tenant,
        WatchEventsResponse.EventOneofCase.Extracted => response.Extracted.Tenant,
        WatchEventsResponse.EventOneofCase.Failed => response.Failed.Tenant,
        _ => throw new InvalidOperationException("event not set"),
    };
}
