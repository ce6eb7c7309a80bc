using Grpc.Core;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The platform in distributed mode: Ingest, Extraction and Query each as its own OS process (`dotnet Service.dll`)
/// on its own loopback port, talking over a real RabbitMQ broker, each with its own SQLite file in a temp folder.
/// </summary>
/// <remarks>
/// Broker state is fresh on every run: <see cref="RabbitMqFixture"/> creates a virtual host of its own (management
/// API or rabbitmqctl) and deletes it afterwards, so the services' fixed queue names never see messages from an
/// earlier run or from another test assembly's consumers. One stack serves the whole collection; each test works in
/// a tenant of its own, so deduplication and tenant scoping never couple tests.
/// </remarks>
public sealed class DistributedPlatform : IAsyncLifetime
{
    public const string ServiceKey = "e2e-service-key";

    /// <summary>Documents larger than this are refused by Ingest (small, so the limit is cheap to exceed).</summary>
    public const int MaxDocumentBytes = 512 * 1024;

    /// <summary>API key → tenant; one tenant per scenario.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["e2e-key-corpus"] = "tenant-corpus",
        ["e2e-key-dedupe"] = "tenant-dedupe",
        ["e2e-key-restart"] = "tenant-restart",
        ["e2e-key-a"] = "tenant-a",
        ["e2e-key-b"] = "tenant-b",
        ["e2e-key-failures"] = "tenant-failures",
        ["e2e-key-watch"] = "tenant-watch",
    };

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly RabbitMqFixture _broker = new();
    private string _dataDir = "";

    public ProcessHost Ingest { get; private set; } = null!;
    public ProcessHost Extraction { get; private set; } = null!;
    public ProcessHost Query { get; private set; } = null!;
    public PlainEventSubscriber Events { get; private set; } = null!;
    public IngestService.IngestServiceClient IngestClient { get; private set; } = null!;
    public QueryService.QueryServiceClient QueryClient { get; private set; } = null!;
    public RabbitMqFixture Broker => _broker;

    public IEnumerable<ProcessHost> Processes => new[] { Ingest, Extraction, Query }.Where(p => p is not null);

    /// <summary>Call metadata with an API key, as any gRPC client sends it.</summary>
    public static Metadata As(string key) => new() { { "x-api-key", key } };

    public async ValueTask InitializeAsync()
    {
        try
        {
            await StartAllAsync();
        }
        catch
        {
            // A collection fixture that fails to initialise is not disposed: end what did start.
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAllAsync()
    {
        await _broker.InitializeAsync();
        if (!_broker.HasOwnVirtualHost)
            TestLog.Write($"warning: sharing virtual host '{_broker.VirtualHost}' of the {_broker.Source} broker; messages left in the services' queues by earlier runs will be consumed too");
        _dataDir = Directory.CreateTempSubdirectory("platform-e2e-").FullName;

        var common = new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = _broker.ConnectionString,
            [$"Auth:ApiKeys:{ServiceKey}"] = "*",
            // Quick retries: a test waits for the outcome, not for production back-off.
            ["Bus:RetryMinInterval"] = "00:00:00.200",
            ["Bus:RetryMaxInterval"] = "00:00:02",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, tenant) in Keys)
            common[$"Auth:ApiKeys:{key}"] = tenant;

        // Query first and Extraction before anything is submitted: their durable queues must exist before Ingest's
        // relay publishes, or the first events would have nowhere to go.
        Query = Host("query", "Platform.Query", common, new()
        {
            ["ConnectionStrings:query"] = $"Data Source={Path.Combine(_dataDir, "query.db")}",
            ["Query:WatchPollInterval"] = "00:00:00.500",
        });
        await StartAsync(Query);

        Ingest = Host("ingest", "Platform.Ingest", common, new()
        {
            ["ConnectionStrings:documents"] = $"Data Source={Path.Combine(_dataDir, "ingest.db")}",
            ["Ingest:MaxDocumentBytes"] = MaxDocumentBytes.ToString(),
            ["Ingest:OutboxPollInterval"] = "00:00:00.500",
        });
        await StartAsync(Ingest);

        Extraction = Host("extraction", "Platform.Extraction", common, new()
        {
            ["Services:Ingest"] = Ingest.Address.ToString(),
            ["Services:ApiKey"] = ServiceKey,
            ["Extraction:ConcurrentMessageLimit"] = "2",
        });
        await StartAsync(Extraction);

        Events = await PlainEventSubscriber.StartAsync(_broker.AmqpUri, TimeSpan.FromMinutes(1));
        IngestClient = new IngestService.IngestServiceClient(Ingest.Channel);
        QueryClient = new QueryService.QueryServiceClient(Query.Channel);
    }

    /// <summary>Starts (or starts again, after a kill) a service process and waits until it is ready.</summary>
    public static async Task StartAsync(ProcessHost service, CancellationToken cancellationToken = default)
    {
        await service.StartAsync(ReadyTimeout, cancellationToken);
        OrphanGuard.Watch(service.ProcessId);
    }

    private static ProcessHost Host(string name, string project, Dictionary<string, string?> common, Dictionary<string, string?> own)
    {
        var settings = new Dictionary<string, string?>(common);
        foreach (var (key, value) in own)
            settings[key] = value;
        var port = FreePort.Next();
        // The named endpoint wins over ASPNETCORE_URLS when a service's appsettings declares one, so set both.
        settings["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{port}";
        settings["Kestrel:Endpoints:Grpc:Protocols"] = "Http2";
        return new ProcessHost(name, ProcessHost.ServiceAssembly(project), settings, port: port);
    }

    /// <summary>The last lines every process wrote, for a failing test's output.</summary>
    public string DescribeProcesses(int lines = 120)
    {
        var parts = Processes.Select(p =>
            $"----- {p.Name} ({(p.IsRunning ? $"running, pid {p.ProcessId}" : "not running")}, {p.Address}) -----\n{p.Tail(lines)}");
        var events = Events is null ? "" :
            $"\n----- plain subscriber: {Events.Extracted.Count} DocumentExtracted, {Events.Failed.Count} ExtractionFailed, problems: {string.Join("; ", Events.Problems)}";
        return $"broker: {_broker.Source}, vhost '{_broker.VirtualHost}', data: {_dataDir}\n" + string.Join("\n", parts) + events;
    }

    /// <summary>Runs a scenario; when it fails, writes the processes' recent output to the test output first.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> scenario)
    {
        try
        {
            await scenario(TestContext.Current.CancellationToken);
        }
        catch (Exception)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(DescribeProcesses());
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Events is not null)
            await Events.DisposeAsync();
        await Task.WhenAll(Processes.Select(p => p.StopAsync(TimeSpan.FromSeconds(10))));
        foreach (var process in Processes)
            await process.DisposeAsync();
        await _broker.DisposeAsync();
        try
        {
            if (_dataDir.Length > 0)
                Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // a process that was slow to exit may still hold a file; the temp folder is harmless
        }
    }
}

[CollectionDefinition(Name)]
public sealed class DistributedPlatformCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
