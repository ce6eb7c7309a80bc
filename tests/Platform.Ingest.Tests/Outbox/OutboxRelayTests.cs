using MassTransit;
using MassTransit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Messaging;
using Platform.Ingest.Documents;
using Platform.Ingest.Outbox;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Outbox;

/// <summary>One relay round at a time, on a real SQLite store, with MassTransit's test harness behind a publish endpoint that can fail.</summary>
public sealed class OutboxRelayTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("platform-ingest-relay-").FullName;
    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;
    private FlakyPublishEndpoint _publisher = null!;
    private IDocumentStore _store = null!;
    private DocumentIngestor _ingestor = null!;
    private OutboxRelay _relay = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMassTransitTestHarness(x => x.UsingInMemory((context, cfg) =>
        {
            cfg.UseProtobufContracts();
            cfg.ConfigureEndpoints(context);
        }));
        services.AddSingleton(sp => new FlakyPublishEndpoint(sp.GetRequiredService<IBus>()));
        services.AddScoped<IPublishEndpoint>(sp => sp.GetRequiredService<FlakyPublishEndpoint>());
        _services = services.BuildServiceProvider();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
        _publisher = _services.GetRequiredService<FlakyPublishEndpoint>();

        _store = IngestModule.CreateStore($"Data Source={Path.Combine(_dir, "ingest.db")}", TimeProvider.System);
        await _store.InitializeAsync(Ct);
        var options = new StaticOptions(new IngestOptions { OutboxBatchSize = 10 });
        var signal = new OutboxSignal();
        _ingestor = new DocumentIngestor(_store, signal, options, TimeProvider.System, NullLogger<DocumentIngestor>.Instance);
        _relay = new OutboxRelay(_store, _services.GetRequiredService<IServiceScopeFactory>(), signal, options, TimeProvider.System, NullLogger<OutboxRelay>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<string> Submit(string text)
    {
        var content = Samples.Utf8(text);
        var result = await _ingestor.SubmitAsync("tenant-a", content, DocumentIngestor.Hash(content), new SubmissionMetadata("", "", "", ""), Ct);
        return result.DocumentId;
    }

    [Fact]
    public async Task RelayOnce_WhenPublishingFails_KeepsEveryRowForTheNextRound()
    {
        await Submit(Samples.Harbour);
        await Submit(Samples.Ferry);
        _publisher.Available = false;

        var outcome = await _relay.RelayOnceAsync(Ct);

        Assert.True(outcome.Failed);
        Assert.Contains("simulated", outcome.Error, StringComparison.Ordinal);
        // It stops at the first failure instead of trying the rest out of order.
        Assert.Equal(1, _publisher.Failed);
        Assert.Equal(2, await _store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task RelayOnce_AfterAFailure_PublishesEverythingInOrderAndMarksItSent()
    {
        var ids = new[] { await Submit(Samples.Harbour), await Submit(Samples.Ferry), await Submit(Samples.Harbour + " (corrected)") };
        _publisher.Available = false;
        await _relay.RelayOnceAsync(Ct);
        _publisher.Available = true;

        var outcome = await _relay.RelayOnceAsync(Ct);

        Assert.False(outcome.Failed);
        Assert.Equal(3, outcome.Published);
        Assert.Equal(0, await _store.CountPendingOutboxAsync(Ct));
        Assert.True(await _harness.Published.Any<DocumentSubmitted>(x => x.Context.Message.DocumentId == ids[2], Ct));
        var published = _harness.Published.Select<DocumentSubmitted>(Ct).Select(p => p.Context.Message.DocumentId).ToList();
        Assert.Equal(ids, published);
    }

    [Fact]
    public async Task RelayOnce_UsesTheEventIdAsMessageId()
    {
        var id = await Submit(Samples.Harbour);

        await _relay.RelayOnceAsync(Ct);

        Assert.True(await _harness.Published.Any<DocumentSubmitted>(Ct));
        var published = Assert.Single(_harness.Published.Select<DocumentSubmitted>(Ct));
        Assert.Equal(id, published.Context.Message.DocumentId);
        Assert.Equal(Guid.Parse(published.Context.Message.EventId), published.Context.MessageId);
    }

    [Fact]
    public async Task RelayOnce_WithNothingPending_PublishesNothing()
    {
        var outcome = await _relay.RelayOnceAsync(Ct);

        Assert.Equal(0, outcome.Published);
        Assert.False(outcome.Failed);
        Assert.Equal(0, _publisher.Published);
    }

    [Fact]
    public void Backoff_DoublesFromTheMinimumAndStopsAtTheMaximum()
    {
        var options = new IngestOptions { OutboxRetryMinDelay = TimeSpan.FromMilliseconds(100), OutboxRetryMaxDelay = TimeSpan.FromSeconds(1) };

        var delays = Enumerable.Range(1, 6).Select(n => OutboxRelay.Backoff(n, options).TotalMilliseconds).ToList();

        Assert.Equal([100, 200, 400, 800, 1000, 1000], delays);
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxRelay.Backoff(10_000, options));
    }

    internal sealed class StaticOptions(IngestOptions value) : IOptionsMonitor<IngestOptions>
    {
        public IngestOptions CurrentValue => value;

        public IngestOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<IngestOptions, string?> listener) => null;
    }
}
