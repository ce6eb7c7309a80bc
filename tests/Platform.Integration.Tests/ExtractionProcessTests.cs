using Platform.Contracts.Events.V1;
using Platform.Contracts.Extraction.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Extraction.Consumers;
using Platform.Ingest;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Integration.Tests;

/// <summary>
/// The Extraction service as its own OS process (the built Platform.Extraction.dll) against a real broker and an
/// Ingest hosted here: it serves gRPC, consumes, survives a kill, and picks up what queued while it was down.
/// </summary>
[Collection(ExtractionQueue.Name)]
public sealed class ExtractionProcessTests : IAsyncLifetime
{
    private const string TenantKey = "proc-tenant-key";
    private const string ServiceKey = "proc-service-key";
    private readonly RabbitMqFixture _rabbit = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("platform-proc-").FullName;
    private ServiceApp? _ingest;
    private ProcessHost? _extraction;

    public async ValueTask InitializeAsync()
    {
        await _rabbit.InitializeAsync();
        _ingest = await ServiceApp.StartAsync(
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
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:rabbitmq"] = _rabbit.ConnectionString,
                ["ConnectionStrings:documents"] = $"Data Source={Path.Combine(_dataDir, "ingest.db")}",
                [$"Auth:ApiKeys:{TenantKey}"] = "tenant-proc",
                [$"Auth:ApiKeys:{ServiceKey}"] = TenantContext.ServiceTenant,
                ["Ingest:OutboxPollInterval"] = "00:00:00.200",
            },
            typeof(IngestModule).Assembly.GetName().Name);
        _extraction = new ProcessHost("extraction", ProcessHost.ServiceAssembly("Platform.Extraction"), new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = _rabbit.ConnectionString,
            ["Services:Ingest"] = _ingest.Address.ToString(),
            ["Services:ApiKey"] = ServiceKey,
            [$"Auth:ApiKeys:{TenantKey}"] = "tenant-proc",
        });
        await _extraction.StartAsync();
    }

    private async Task<string> SubmitAsync(string text)
    {
        var client = _ingest!.Client<IngestService.IngestServiceClient>();
        var response = await client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = text, MediaType = "text/plain" }, ServiceApp.As(TenantKey));
        return response.DocumentId;
    }

    [Fact]
    public async Task ExtractionProcess_ServesExtractOverGrpc()
    {
        var client = new ExtractionService.ExtractionServiceClient(_extraction!.Channel);

        var response = await client.ExtractAsync(new ExtractRequest { Text = "Museum reopens its west wing\n\nVisitors returned on Saturday." }, ServiceApp.As(TenantKey), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Museum reopens its west wing", response.Extraction.Title);
    }

    [Fact]
    public async Task ExtractionProcess_KilledAndRestarted_ExtractsWhatQueuedWhileItWasDown()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(_rabbit.AmqpUri, "platform.events.v1.DocumentExtracted", "platform.events.v1.ExtractionFailed");
        await WaitForConsumerAsync();
        var first = await SubmitAsync("Harbour crane replaced\n\nA new crane arrived at the harbour on Monday.");
        var firstEvent = await subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == first);
        Assert.Equal("platform.events.v1.DocumentExtracted", firstEvent.Exchange);

        _extraction!.Kill();
        Assert.False(_extraction.IsRunning);
        var second = await SubmitAsync("Night buses return\n\nThe night bus network restarts next week.");
        await _extraction.RestartAsync();

        var secondEvent = await subscriber.NextAsync(d => PlainSubscriber.HeaderString(d, "platform-document-id") == second);
        Assert.Equal("platform.events.v1.DocumentExtracted", secondEvent.Exchange);
        Assert.Equal("Night buses return", DocumentExtracted.Parser.ParseFrom(secondEvent.Body).Extraction.Title);
        // the event can reach the subscriber before the process's log line is read from its stdout
        await Eventually.TrueAsync(() => _extraction.Output.Any(line => line.Contains("Extracted", StringComparison.Ordinal)),
            "the restarted Extraction process logs the extraction", TimeSpan.FromSeconds(10));
    }

    private async Task WaitForConsumerAsync()
    {
        await using var connection = await _rabbit.ConnectAsync();
        await Eventually.GetAsync(async () =>
        {
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                return (await channel.QueueDeclarePassiveAsync(DocumentSubmittedConsumer.EndpointName)).ConsumerCount;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                return 0u;
            }
        }, n => n > 0, "the Extraction process's consumer");
    }

    public async ValueTask DisposeAsync()
    {
        if (_extraction is not null)
            await _extraction.DisposeAsync();
        if (_ingest is not null)
            await _ingest.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }

        await _rabbit.DisposeAsync();
    }
}
