using System.Net;
using Grpc.Health.V1;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

public sealed class HealthTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthReady_WithAWorkingStore_IsHealthy()
    {
        // The endpoint speaks HTTP/2 only (h2c), as every gRPC port does.
        using var http = new HttpClient { BaseAddress = fixture.App.Address, DefaultRequestVersion = HttpVersion.Version20, DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact };

        var response = await http.GetAsync("/health/ready", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task GrpcHealthCheck_WithoutApiKey_ReportsServing()
    {
        var client = new Health.HealthClient(fixture.App.Channel);

        var response = await client.CheckAsync(new HealthCheckRequest(), cancellationToken: Ct);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task StoreHealthCheck_WhenTheDatabaseDoesNotAnswer_IsUnhealthy()
    {
        // Nothing listens on port 1; the store fails fast instead of hanging the probe.
        var store = IngestModule.CreateStore("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2", TimeProvider.System);
        await using var _ = (IAsyncDisposable)store;
        var check = new DocumentStoreHealthCheck(store);

        var result = await check.CheckHealthAsync(new HealthCheckContext(), Ct);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task StoreHealthCheck_ReportsTheOutboxBacklog()
    {
        var dir = Directory.CreateTempSubdirectory("platform-ingest-health-").FullName;
        try
        {
            var store = IngestModule.CreateStore($"Data Source={Path.Combine(dir, "ingest.db")}", TimeProvider.System);
            await store.InitializeAsync(Ct);
            await store.SubmitAsync(Samples.New("tenant-a", Samples.Harbour), Ct);

            var result = await new DocumentStoreHealthCheck(store).CheckHealthAsync(new HealthCheckContext(), Ct);

            Assert.Equal(HealthStatus.Healthy, result.Status);
            Assert.Equal(1L, result.Data["outboxPending"]);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
