using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Ingest.V1;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Ingest.Tests.Fixtures;

/// <summary>
/// The Ingest service as Program.cs wires it (service defaults, AddIngest, the in-memory bus) on a
/// <see cref="ServiceApp"/> (Kestrel on a loopback port over HTTP/2, a gRPC channel to it), with a consumer that
/// records every DocumentSubmitted.
/// </summary>
public sealed class IngestApp : IAsyncDisposable
{
    public const string KeyA = "key-tenant-a";
    public const string KeyB = "key-tenant-b";
    public const string ServiceKey = "key-service";
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private readonly ServiceApp _app;
    private readonly string? _tempDir;

    private IngestApp(ServiceApp app, string? tempDir)
    {
        _app = app;
        _tempDir = tempDir;
        Client = app.Client<IngestService.IngestServiceClient>();
    }

    public Uri Address => _app.Address;
    public GrpcChannel Channel => _app.Channel;
    public IngestService.IngestServiceClient Client { get; }
    public IServiceProvider Services => _app.Services;
    public SubmittedLog Submitted => _app.Services.GetRequiredService<SubmittedLog>();

    public static Metadata As(string key) => ServiceApp.As(key);

    /// <summary>
    /// Starts on a fresh SQLite file (or <paramref name="connectionString"/>). <paramref name="configure"/> may
    /// replace services after the bus is added (the outbox tests swap the publish endpoint).
    /// </summary>
    public static async Task<IngestApp> StartAsync(
        string? connectionString = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        string? tempDir = null;
        if (connectionString is null)
        {
            tempDir = Directory.CreateTempSubdirectory("platform-ingest-app-").FullName;
            connectionString = $"Data Source={Path.Combine(tempDir, "ingest.db")}";
        }

        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:documents"] = connectionString,
            [$"Auth:ApiKeys:{KeyA}"] = TenantA,
            [$"Auth:ApiKeys:{KeyB}"] = TenantB,
            [$"Auth:ApiKeys:{ServiceKey}"] = TenantContext.ServiceTenant,
            ["Ingest:OutboxPollInterval"] = "00:00:00.200",
            ["Ingest:OutboxRetryMinDelay"] = "00:00:00.050",
            ["Ingest:OutboxRetryMaxDelay"] = "00:00:00.250",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;

        try
        {
            var app = await ServiceApp.StartAsync(
                b =>
                {
                    b.AddServiceDefaults();
                    b.AddIngest();
                    b.Services.AddSingleton<SubmittedLog>();
                    b.Services.AddPlatformConsumers(x => x.AddConsumer<SubmittedRecorder>().Endpoint(e => e.Name = "ingest-tests.document-submitted"));
                    b.AddPlatformBus();
                    configure?.Invoke(b.Services);
                },
                a =>
                {
                    a.MapDefaultEndpoints();
                    a.MapIngest();
                },
                values,
                applicationName: typeof(IngestModule).Assembly.GetName().Name);
            return new IngestApp(app, tempDir);
        }
        catch
        {
            // A start that fails (the options tests) must not leave its files behind (ServiceApp disposes the host).
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (tempDir is not null)
                Directory.Delete(tempDir, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_tempDir is not null)
        {
            try
            {
                Directory.Delete(_tempDir, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>Every DocumentSubmitted the bus delivered to the test consumer.</summary>
public sealed class SubmittedLog
{
    private readonly ConcurrentQueue<DocumentSubmitted> _events = new();

    public IReadOnlyList<DocumentSubmitted> Events => _events.ToArray();

    public void Add(DocumentSubmitted evt) => _events.Enqueue(evt);

    public IReadOnlyList<DocumentSubmitted> For(string documentId) => Events.Where(e => e.DocumentId == documentId).ToList();

    /// <summary>Waits until the document's event arrived; the limit only keeps a broken test from hanging.</summary>
    public async Task<DocumentSubmitted> WaitForAsync(string documentId, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = For(documentId);
            if (found.Count > 0)
                return found[0];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No DocumentSubmitted for {documentId} within {seconds}s");
            await Task.Delay(25);
        }
    }
}

public sealed class SubmittedRecorder(SubmittedLog log) : IConsumer<DocumentSubmitted>
{
    public Task Consume(ConsumeContext<DocumentSubmitted> context)
    {
        log.Add(context.Message);
        return Task.CompletedTask;
    }
}
