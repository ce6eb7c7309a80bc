using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Query.V1;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Query.Tests.Fixtures;

/// <summary>
/// The Query service as Program.cs wires it (service defaults, AddQuery, the in-memory bus) on a
/// <see cref="ServiceApp"/> (Kestrel on a loopback port over HTTP/2, a gRPC channel to it), on a fresh SQLite file.
/// </summary>
public sealed class QueryApp : IAsyncDisposable
{
    public const string KeyA = "key-tenant-a";
    public const string KeyB = "key-tenant-b";
    public const string ServiceKey = "key-service";
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private readonly ServiceApp _app;
    private readonly string? _tempDir;

    private QueryApp(ServiceApp app, string? tempDir)
    {
        _app = app;
        _tempDir = tempDir;
        Client = app.Client<QueryService.QueryServiceClient>();
    }

    public Uri Address => _app.Address;
    public GrpcChannel Channel => _app.Channel;
    public QueryService.QueryServiceClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static Metadata As(string key) => ServiceApp.As(key);

    /// <summary>Starts on a fresh SQLite file, or on <paramref name="connectionString"/> when given.</summary>
    public static async Task<QueryApp> StartAsync(string? connectionString = null, TimeSpan? pollInterval = null)
    {
        string? tempDir = null;
        if (connectionString is null)
        {
            tempDir = Directory.CreateTempSubdirectory("platform-query-app-").FullName;
            connectionString = $"Data Source={Path.Combine(tempDir, "query.db")}";
        }

        var app = await ServiceApp.StartAsync(
            b =>
            {
                b.AddServiceDefaults();
                b.AddQuery();
                b.AddPlatformBus();
            },
            a =>
            {
                a.MapDefaultEndpoints();
                a.MapQuery();
            },
            new Dictionary<string, string?>
            {
                ["ConnectionStrings:query"] = connectionString,
                [$"Auth:ApiKeys:{KeyA}"] = TenantA,
                [$"Auth:ApiKeys:{KeyB}"] = TenantB,
                [$"Auth:ApiKeys:{ServiceKey}"] = TenantContext.ServiceTenant,
                ["Query:WatchPollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(500)).ToString(),
            },
            applicationName: typeof(QueryModule).Assembly.GetName().Name);
        return new QueryApp(app, tempDir);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        _app.Services.GetRequiredService<IBus>().Publish(message);

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

public static class Eventually
{
    /// <summary>Polls until <paramref name="condition"/> holds; the limit only keeps a broken test from hanging.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await probe();
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what} after {seconds}s");
            await Task.Delay(50);
        }
    }
}
