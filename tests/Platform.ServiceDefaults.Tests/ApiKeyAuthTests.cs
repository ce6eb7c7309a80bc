using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Extraction.V1;
using Platform.ServiceDefaults;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.ServiceDefaults.Tests;

/// <summary>A real Kestrel host on a loopback port with the defaults, and a service that echoes the caller.</summary>
public sealed class DefaultsHost : IAsyncLifetime
{
    private WebApplication? _app;

    public GrpcChannel Channel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration["Auth:ApiKeys:key-a"] = "tenant-a";
        builder.Configuration["Auth:ApiKeys:key-svc"] = TenantContext.ServiceTenant;
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGrpcService<WhoAmIService>();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Channel = GrpcChannel.ForAddress(address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    private sealed class WhoAmIService : ExtractionService.ExtractionServiceBase
    {
        public override Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context)
        {
            var caller = context.GetCaller();
            return Task.FromResult(new ExtractResponse { Extraction = new ExtractionRecord { Title = caller.TenantId, Source = caller.IsService ? "service" : "tenant" } });
        }
    }
}

public sealed class ApiKeyAuthTests(DefaultsHost host) : IClassFixture<DefaultsHost>
{
    private ExtractionService.ExtractionServiceClient Client => new(host.Channel);

    [Fact]
    public async Task Call_WithoutKey_ReturnsUnauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ExtractAsync(new ExtractRequest { Text = "x" }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Call_WithUnknownKey_ReturnsUnauthenticated()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => Client.ExtractAsync(new ExtractRequest { Text = "x" }, PlatformGrpc.ApiKeyMetadata("nope"), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Call_WithTenantKey_SeesItsTenant()
    {
        var response = await Client.ExtractAsync(new ExtractRequest { Text = "x" }, PlatformGrpc.ApiKeyMetadata("key-a"), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("tenant-a", response.Extraction.Title);
        Assert.Equal("tenant", response.Extraction.Source);
    }

    [Fact]
    public async Task Call_WithBearerServiceKey_IsServiceCaller()
    {
        var response = await Client.ExtractAsync(new ExtractRequest { Text = "x" }, new Metadata { { "authorization", "Bearer key-svc" } }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("service", response.Extraction.Source);
    }

    [Fact]
    public async Task HealthCheck_NeedsNoKey()
    {
        var response = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }
}

public sealed class DatabaseProviderTests
{
    [Theory]
    [InlineData("Data Source=data/ingest.db", DatabaseKind.Sqlite)]
    [InlineData("/tmp/x.db", DatabaseKind.Sqlite)]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Database=platform", DatabaseKind.Postgres)]
    [InlineData("postgresql://postgres@localhost/platform", DatabaseKind.Postgres)]
    public void Detect_ReadsTheConnectionStringShape(string connectionString, DatabaseKind expected) =>
        Assert.Equal(expected, DatabaseProvider.Detect(connectionString));

    [Fact]
    public void ToPostgresKeyValue_TurnsAUriIntoKeyValuePairs_AndLeavesPairsAlone()
    {
        var pairs = DatabaseProvider.ToPostgresKeyValue("postgresql://app:s%3Bcret@db.local:6432/platform");

        Assert.Contains("Host=db.local", pairs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Port=6432", pairs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Username=app", pairs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Database=platform", pairs, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"s;cret\"", pairs, StringComparison.Ordinal);
        Assert.Equal("Host=h;Database=d", DatabaseProvider.ToPostgresKeyValue(" Host=h;Database=d "));
    }
}
