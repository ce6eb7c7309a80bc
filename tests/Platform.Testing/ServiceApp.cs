using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Platform.ServiceDefaults;

namespace Platform.Testing;

/// <summary>
/// A service app hosted in the test process on real Kestrel (loopback, OS-picked port, HTTP/2 without TLS) with a
/// gRPC channel to it: real HTTP/2 framing, not TestServer.
/// </summary>
/// <example>
/// <code>
/// await using var app = await ServiceApp.StartAsync(
///     b => { b.AddServiceDefaults(); b.AddQuery(); b.AddPlatformBus(); },
///     a => { a.MapDefaultEndpoints(); a.MapQuery(); },
///     new() { ["ConnectionStrings:query"] = "Data Source=..." });
/// var client = app.Client&lt;QueryService.QueryServiceClient&gt;();
/// </code>
/// </example>
public sealed class ServiceApp : IAsyncDisposable
{
    private ServiceApp(WebApplication app)
    {
        App = app;
        Address = new Uri(app.Urls.First());
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { MaxReceiveMessageSize = 256 * 1024 * 1024, MaxSendMessageSize = 256 * 1024 * 1024 });
    }

    public WebApplication App { get; }
    public IServiceProvider Services => App.Services;
    public Uri Address { get; }
    public GrpcChannel Channel { get; }

    /// <summary>
    /// Builds and starts the app. <paramref name="settings"/> are layered over appsettings and environment;
    /// <paramref name="port"/> 0 lets the OS pick (pass a fixed one to restart a service on the same address).
    /// </summary>
    public static async Task<ServiceApp> StartAsync(
        Action<WebApplicationBuilder> configure,
        Action<WebApplication> map,
        IDictionary<string, string?>? settings = null,
        string? applicationName = null,
        CancellationToken cancellationToken = default,
        int port = 0)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            ApplicationName = applicationName,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var defaults = new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        builder.Configuration.AddInMemoryCollection(defaults);
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(l => l.Protocols = HttpProtocols.Http2));
        configure(builder);

        var app = builder.Build();
        try
        {
            map(app);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            // A start that fails (an options test) must not leave the host behind.
            await app.DisposeAsync();
            throw;
        }
        return new ServiceApp(app);
    }

    /// <summary>A generated gRPC client on this app's channel.</summary>
    public T Client<T>()
        where T : ClientBase<T> =>
        (T)Activator.CreateInstance(typeof(T), Channel)!;

    /// <summary>Call metadata carrying an API key.</summary>
    public static Metadata As(string apiKey) => PlatformGrpc.ApiKeyMetadata(apiKey);

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        try
        {
            using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await App.StopAsync(stopping.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
