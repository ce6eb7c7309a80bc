using Grpc.Core;
using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Query.V1;
using Platform.ServiceDefaults;

namespace Platform.Query.Tests.Fixtures;

/// <summary>
/// The Query service as Program.cs wires it (service defaults, AddQuery, the in-memory bus), served by Kestrel on a
/// loopback port over HTTP/2, with a gRPC channel to it.
/// </summary>
public sealed class QueryApp : IAsyncDisposable
{
    public const string KeyA = "key-tenant-a";
    public const string KeyB = "key-tenant-b";
    public const string ServiceKey = "key-service";
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";

    private readonly WebApplication _app;
    private readonly string? _tempDir;

    private QueryApp(WebApplication app, string? tempDir)
    {
        _app = app;
        _tempDir = tempDir;
        Address = new Uri(app.Urls.First());
        Channel = GrpcChannel.ForAddress(Address);
        Client = new QueryService.QueryServiceClient(Channel);
    }

    public Uri Address { get; }
    public GrpcChannel Channel { get; }
    public QueryService.QueryServiceClient Client { get; }
    public IServiceProvider Services => _app.Services;

    public static Metadata As(string key) => PlatformGrpc.ApiKeyMetadata(key);

    /// <summary>Starts on a fresh SQLite file, or on <paramref name="connectionString"/> when given.</summary>
    public static async Task<QueryApp> StartAsync(string? connectionString = null, TimeSpan? pollInterval = null)
    {
        string? tempDir = null;
        if (connectionString is null)
        {
            tempDir = Directory.CreateTempSubdirectory("platform-query-app-").FullName;
            connectionString = $"Data Source={Path.Combine(tempDir, "query.db")}";
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = typeof(QueryModule).Assembly.GetName().Name,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:query"] = connectionString,
            [$"Auth:ApiKeys:{KeyA}"] = TenantA,
            [$"Auth:ApiKeys:{KeyB}"] = TenantB,
            [$"Auth:ApiKeys:{ServiceKey}"] = TenantContext.ServiceTenant,
            ["Query:WatchPollInterval"] = (pollInterval ?? TimeSpan.FromMilliseconds(500)).ToString(),
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults();
        builder.AddQuery();
        builder.AddPlatformBus();

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapQuery();
        await app.StartAsync();
        return new QueryApp(app, tempDir);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        _app.Services.GetRequiredService<IBus>().Publish(message);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
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
