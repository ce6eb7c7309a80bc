using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Messaging;
using Platform.Ingest.Documents;
using Platform.Ingest.Outbox;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;
using Platform.Testing;

namespace Platform.Ingest.Tests.Outbox;

/// <summary>
/// Several Ingest replicas on one PostgreSQL database, each with its own relay: together they publish every event,
/// and (with no relay dying mid-batch) none twice.
/// </summary>
public sealed class ReplicaRelayTests(PostgresFixture server) : IAsyncLifetime, IClassFixture<PostgresFixture>
{
    private const int Replicas = 3;
    private const int DocumentsPerReplica = 25;

    private ServiceProvider _services = null!;
    private ITestHarness _harness = null!;

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
        _services = services.BuildServiceProvider();
        _harness = _services.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.Stop();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Relays_OnSharedPostgres_PublishEveryEventExactlyOnce()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var options = new OutboxRelayTests.StaticOptions(new IngestOptions { OutboxBatchSize = 4 });
        var replicas = new List<(IDocumentStore Store, DocumentIngestor Ingestor, OutboxRelay Relay)>();
        for (var i = 0; i < Replicas; i++)
        {
            var store = IngestModule.CreateStore(connectionString, TimeProvider.System);
            await store.InitializeAsync(Ct);
            var signal = new OutboxSignal();
            replicas.Add((store,
                new DocumentIngestor(store, signal, options, TimeProvider.System, NullLogger<DocumentIngestor>.Instance),
                new OutboxRelay(store, _services.GetRequiredService<IServiceScopeFactory>(), signal, options, TimeProvider.System, NullLogger<OutboxRelay>.Instance)));
        }

        // Every replica accepts documents while every relay drains the shared outbox.
        var submitting = replicas.Select((r, n) => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < DocumentsPerReplica; i++)
            {
                var content = Samples.Utf8($"replica {n} document {i}: {Samples.Ferry}");
                ids.Add((await r.Ingestor.SubmitAsync("tenant-a", content, DocumentIngestor.Hash(content), new SubmissionMetadata("", "", "", ""), Ct)).DocumentId);
            }

            return ids;
        }, Ct)).ToList();
        var relaying = replicas.Select(r => Task.Run(async () =>
        {
            while (!submitting.All(s => s.IsCompleted) || await r.Store.CountPendingOutboxAsync(Ct) > 0)
            {
                if ((await r.Relay.RelayOnceAsync(Ct)).Published == 0)
                    await Task.Delay(10, Ct);
            }
        }, Ct)).ToList();
        var submitted = (await Task.WhenAll(submitting)).SelectMany(ids => ids).ToList();
        await Task.WhenAll(relaying);

        var expected = Replicas * DocumentsPerReplica;
        Assert.True(await _harness.Published.Any<DocumentSubmitted>(x => x.Context.Message.DocumentId == submitted[^1], Ct));
        var published = _harness.Published.Select<DocumentSubmitted>(Ct).Select(p => p.Context.Message).ToList();
        Assert.Equal(expected, published.Count);
        Assert.Equal(expected, published.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(submitted.Order(), published.Select(e => e.DocumentId).Order());

        foreach (var (store, _, _) in replicas)
            await ((IAsyncDisposable)store).DisposeAsync();
    }
}
