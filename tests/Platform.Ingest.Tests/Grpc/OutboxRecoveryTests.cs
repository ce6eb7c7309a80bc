using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>
/// The app with a publish endpoint that fails like an unreachable broker: submissions are still accepted and their
/// events go out when publishing works again. (The real-broker version belongs to the integration tests.)
/// </summary>
public sealed class OutboxRecoveryTests : IAsyncLifetime
{
    private IngestApp _app = null!;
    private FlakyPublishEndpoint _publisher = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await IngestApp.StartAsync(configure: services =>
        {
            services.AddSingleton(sp => new FlakyPublishEndpoint(sp.GetRequiredService<IBus>()) { Available = false });
            // Registered after the bus, so the relay's scope resolves this one.
            services.AddScoped<IPublishEndpoint>(sp => sp.GetRequiredService<FlakyPublishEndpoint>());
        });
        _publisher = _app.Services.GetRequiredService<FlakyPublishEndpoint>();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SubmitDocument_WhileTheBusIsUnavailable_IsAcceptedAndPublishedWhenItReturns()
    {
        var store = _app.Services.GetRequiredService<IDocumentStore>();
        var first = await _app.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = Samples.Harbour }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);
        var second = await _app.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = Samples.Ferry }, IngestApp.As(IngestApp.KeyB), cancellationToken: Ct);

        // The relay keeps trying (and backing off) while nothing gets through.
        await WaitUntil(() => Task.FromResult(_publisher.Failed >= 3), "three failed publish attempts");
        Assert.Equal(2, await store.CountPendingOutboxAsync(Ct));
        Assert.Empty(_app.Submitted.Events);

        _publisher.Available = true;

        Assert.Equal(IngestApp.TenantA, (await _app.Submitted.WaitForAsync(first.DocumentId)).Tenant);
        Assert.Equal(IngestApp.TenantB, (await _app.Submitted.WaitForAsync(second.DocumentId)).Tenant);
        await WaitUntil(async () => await store.CountPendingOutboxAsync(Ct) == 0, "an empty outbox");
        Assert.Equal(2, _app.Submitted.Events.Count);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}");
            await Task.Delay(25, Ct);
        }
    }
}
