using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Extraction;
using Platform.Extraction.Consumers;
using Platform.Ingest;
using Platform.ServiceDefaults;
using Platform.Testing;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Platform.Integration.Tests;

/// <summary>
/// Ingest and Extraction as their Program.cs wires them, hosted in this process on real Kestrel (HTTP/2), talking
/// over a real RabbitMQ and real gRPC: submit → outbox → DocumentSubmitted → GetDocumentContent → engine → event.
/// </summary>
[Collection(ExtractionQueue.Name)]
public sealed class ExtractionOverRabbitMqTests : IAsyncLifetime
{
    // A virtual host per test: the services' queue names are fixed, so leftovers must not cross tests.
    private readonly RabbitMqFixture rabbit = new();
    private const string TenantKey = "it-tenant-key";
    private const string ServiceKey = "it-service-key";
    private readonly string _dataDir = Directory.CreateTempSubdirectory("platform-it-").FullName;
    private readonly List<IAsyncDisposable> _apps = [];

    private Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = rabbit.ConnectionString,
            ["ConnectionStrings:documents"] = $"Data Source={Path.Combine(_dataDir, "ingest.db")}",
            [$"Auth:ApiKeys:{TenantKey}"] = "tenant-it",
            [$"Auth:ApiKeys:{ServiceKey}"] = TenantContext.ServiceTenant,
            ["Services:ApiKey"] = ServiceKey,
            ["Ingest:OutboxPollInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
            settings[k] = v;
        return settings;
    }

    private async Task<ServiceApp> StartIngestAsync(int port = 0, IDictionary<string, string?>? extra = null)
    {
        var app = await ServiceApp.StartAsync(
            b =>
            {
                b.AddServiceDefaults();
                b.AddIngest();
                b.AddPlatformBus();
            },
            a =>
            {
                a.MapDefaultEndpoints();
                a.MapIngest();
            },
            Settings(extra),
            typeof(IngestModule).Assembly.GetName().Name,
            port: port);
        _apps.Add(app);
        return app;
    }

    private async Task<ServiceApp> StartExtractionAsync(Uri ingest, IDictionary<string, string?>? extra = null)
    {
        var settings = Settings(extra);
        settings["Services:Ingest"] = ingest.ToString();
        var app = await ServiceApp.StartAsync(
            b =>
            {
                b.AddServiceDefaults();
                b.AddExtraction();
                b.AddPlatformBus();
            },
            a =>
            {
                a.MapDefaultEndpoints();
                a.MapExtraction();
            },
            settings,
            typeof(ExtractionModule).Assembly.GetName().Name);
        _apps.Add(app);
        if (!string.IsNullOrEmpty(settings["ConnectionStrings:rabbitmq"]))
            await WaitForQueueConsumerAsync(DocumentSubmittedConsumer.EndpointName);
        return app;
    }

    /// <summary>The bus connects in the background; wait until the Extraction queue has its consumer.</summary>
    private async Task WaitForQueueConsumerAsync(string queue)
    {
        await using var connection = await rabbit.ConnectAsync();
        await Eventually.GetAsync(async () =>
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync(queue)).ConsumerCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return 0u;
            }
        }, n => n > 0, $"a consumer on {queue}");
    }

    private static async Task<string> SubmitAsync(ServiceApp ingest, SubmitDocumentRequest request)
    {
        var client = ingest.Client<IngestService.IngestServiceClient>();
        var response = await client.SubmitDocumentAsync(request, ServiceApp.As(TenantKey), cancellationToken: TestContext.Current.CancellationToken);
        return response.DocumentId;
    }

    [Fact]
    public async Task SubmittedDocument_IsExtracted_AndDocumentExtractedReachesAPlainSubscriber()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        var ingest = await StartIngestAsync();
        await StartExtractionAsync(ingest.Address);

        var id = await SubmitAsync(ingest, new SubmitDocumentRequest
        {
            Text = "Library extends its opening hours\n\nThe central library will open until nine in the evening from next month, the city said on Thursday.\n\nThe change follows a survey of readers.",
            MediaType = "text/plain",
            FileName = "library.txt",
        });

        var delivery = await subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == id);
        Assert.Equal("platform.events.v1.DocumentExtracted", delivery.Exchange);
        var extracted = DocumentExtracted.Parser.ParseFrom(delivery.Body);
        Assert.Equal(id, extracted.DocumentId);
        Assert.Equal("tenant-it", extracted.Tenant);
        Assert.Equal(Platform.Extraction.Engine.EngineInfo.Version, extracted.EngineVersion);
        Assert.Equal("Library extends its opening hours", extracted.Extraction.Title);
        Assert.Contains("open until nine in the evening", extracted.Extraction.Body);
        Assert.Equal("tenant-it", PlainSubscriber.HeaderString(delivery, "platform-tenant"));
    }

    [Fact]
    public async Task TwoExtractionReplicas_CompeteOnOneQueue_AndEachDocumentIsExtractedOnce()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        var ingest = await StartIngestAsync();
        await StartExtractionAsync(ingest.Address);
        await StartExtractionAsync(ingest.Address);

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
            ids.Add(await SubmitAsync(ingest, new SubmitDocumentRequest { Text = $"Report number {i} on the river levels\n\nThe river rose by {i + 10} centimetres overnight.", MediaType = "text/plain" }));

        bool Ours(PlainSubscriber.Delivery d) => ids.Contains(PlainSubscriber.HeaderString(d, "platform-document-id") ?? "");
        var seen = new List<string>();
        while (seen.Distinct().Count() < ids.Count)
        {
            var delivery = await subscriber.NextAsync(Ours);
            Assert.Equal("platform.events.v1.DocumentExtracted", delivery.Exchange);
            seen.Add(DocumentExtracted.Parser.ParseFrom(delivery.Body).DocumentId);
        }

        // Nothing more arrives: no document was handled by both replicas.
        await Assert.ThrowsAsync<TimeoutException>(() => subscriber.NextAsync(Ours, TimeSpan.FromSeconds(2)));
        Assert.Equal(ids.Order(), seen.Order());
    }

    [Fact]
    public async Task LargeDocument_IsFetchedFromIngest_PastGrpcs4MbClientDefault()
    {
        // No broker for this one: only the claim-check call is under test, not the engine on 6 MB.
        var noBroker = new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = null };
        var ingest = await StartIngestAsync(extra: noBroker);
        var extraction = await StartExtractionAsync(ingest.Address, noBroker);
        var text = string.Concat(Enumerable.Repeat("The tide tables for the coming week were published on Monday. ", 100_000));

        var id = await SubmitAsync(ingest, new SubmitDocumentRequest { Text = text, MediaType = "text/plain" });
        var content = await extraction.Services.GetRequiredService<Platform.Extraction.Ingest.IDocumentContentSource>().GetAsync(id, TestContext.Current.CancellationToken);

        Assert.True(content.Content.Length > 6_000_000);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), content.Content.Length);
        Assert.Equal("tenant-it", content.Document.Tenant);
    }

    [Fact]
    public async Task UnreadableDocument_EndsInExtractionFailed_WithAReason()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        var ingest = await StartIngestAsync();
        await StartExtractionAsync(ingest.Address);
        // A PNG signature and header: a real image type the engine does not read.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0];

        var id = await SubmitAsync(ingest, new SubmitDocumentRequest { Content = ByteString.CopyFrom(png), MediaType = "image/png", FileName = "photo.png" });

        var delivery = await subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == id);
        Assert.Equal("platform.events.v1.ExtractionFailed", delivery.Exchange);
        var failed = ExtractionFailed.Parser.ParseFrom(delivery.Body);
        Assert.Equal(id, failed.DocumentId);
        Assert.Equal("unsupported_media_type", failed.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
    }

    [Fact]
    public async Task IngestDownBriefly_ExtractionRetriesWithBackoff_AndStillExtracts()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        var port = FreePort.Next();
        var ingest = await StartIngestAsync(port);
        var id = await SubmitAsync(ingest, new SubmitDocumentRequest { Text = "Bridge repairs finish early\n\nThe repairs ended a week ahead of plan.", MediaType = "text/plain" });
        await ingest.DisposeAsync();
        _apps.Remove(ingest);

        await StartExtractionAsync(ingest.Address, new Dictionary<string, string?>
        {
            ["Bus:RetryLimit"] = "20",
            ["Bus:RetryMinInterval"] = "00:00:00.300",
            ["Bus:RetryMaxInterval"] = "00:00:02",
            ["Extraction:IngestTimeout"] = "00:00:02",
        });
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString);
        await bus.Bus.Publish(new DocumentSubmitted { EventId = Guid.NewGuid().ToString(), DocumentId = id, Tenant = "tenant-it", MediaType = "text/plain", OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow) }, TestContext.Current.CancellationToken);
        // Ingest is down while Extraction receives the event; bring it back on the same address and database.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        await StartIngestAsync(port);

        var delivery = await subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == id);
        Assert.Equal("platform.events.v1.DocumentExtracted", delivery.Exchange);
        Assert.Equal("Bridge repairs finish early", DocumentExtracted.Parser.ParseFrom(delivery.Body).Extraction.Title);
    }

    [Fact]
    public async Task IngestUnreachable_AfterBoundedRetries_TheMessageLandsInTheErrorQueue()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        // Nothing listens on this port: every GetDocumentContent is Unavailable, a transient fault.
        await StartExtractionAsync(new Uri($"http://127.0.0.1:{FreePort.Next()}"), new Dictionary<string, string?>
        {
            ["Bus:RetryLimit"] = "2",
            ["Bus:RetryMinInterval"] = "00:00:00.100",
            ["Bus:RetryMaxInterval"] = "00:00:00.300",
        });
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString);
        var id = "doc-" + Guid.NewGuid().ToString("N");

        await bus.Bus.Publish(new DocumentSubmitted { EventId = Guid.NewGuid().ToString(), DocumentId = id, Tenant = "tenant-it" }, TestContext.Current.CancellationToken);

        await using var connection = await rabbit.ConnectAsync(TestContext.Current.CancellationToken);
        var errorQueue = DocumentSubmittedConsumer.EndpointName + "_error";
        var faulted = await Eventually.GetAsync(async () =>
        {
            // A channel per probe: asking for a queue that does not exist yet closes the channel.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return await channel.BasicGetAsync(errorQueue, autoAck: true);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return null;
            }
        }, m => m is not null && DocumentSubmitted.Parser.ParseFrom(m.Body.ToArray()).DocumentId == id, $"the message in {errorQueue}");
        Assert.Equal(id, DocumentSubmitted.Parser.ParseFrom(faulted!.Body.ToArray()).DocumentId);
        var reason = PlainSubscriber.HeaderString(new PlainSubscriber.Delivery([], null, null, faulted.BasicProperties.Headers ?? new Dictionary<string, object?>(), ""), "MT-Fault-ExceptionType");
        // MassTransit records the innermost exception (the refused connection under the RpcException).
        Assert.False(string.IsNullOrEmpty(reason), "the _error message carries MT-Fault-ExceptionType");
        // Nothing was published for the document: it is neither extracted nor failed, an operator replays it.
        await Assert.ThrowsAsync<TimeoutException>(() => subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == id, TimeSpan.FromSeconds(2)));
    }

    public ValueTask InitializeAsync() => rabbit.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Enumerable.Reverse(_apps))
            await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }

        await rabbit.DisposeAsync();
    }
}
