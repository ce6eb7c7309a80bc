using System.Net.Http.Headers;
using System.Text;
using RabbitMQ.Client;
using Testcontainers.RabbitMq;

namespace Platform.Testing;

/// <summary>
/// A real RabbitMQ broker for integration tests, with a virtual host of its own per fixture instance so test
/// classes never see each other's queues or events (MassTransit endpoint names are fixed by the modules).
/// The broker is, in order: a Testcontainers container when a Docker engine answers; the broker in
/// <c>RABBITMQ_URI</c>; a private rabbitmq-server node this process starts (deploy/local/start-rabbitmq.sh).
/// With none possible, initialisation fails with instructions; tests are never skipped.
/// </summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "RABBITMQ_URI";

    private RabbitMqBroker? _broker;

    /// <summary>amqp://user:pass@host:port/vhost of this fixture's virtual host.</summary>
    public Uri AmqpUri { get; private set; } = null!;

    /// <summary><see cref="AmqpUri"/> as a string, for <c>ConnectionStrings:rabbitmq</c>.</summary>
    public string ConnectionString => AmqpUri.ToString();

    /// <summary>The virtual host the fixture uses ("/" or the environment broker's own when it cannot create one).</summary>
    public string VirtualHost { get; private set; } = "/";

    /// <summary>True when <see cref="VirtualHost"/> was created for this fixture alone.</summary>
    public bool HasOwnVirtualHost { get; private set; }

    /// <summary>Where the broker comes from: "docker", "environment" or "local node".</summary>
    public string Source => _broker?.Source ?? "none";

    public async ValueTask InitializeAsync()
    {
        _broker = await RabbitMqBroker.GetAsync();
        var vhost = "test-" + Guid.NewGuid().ToString("N")[..12];
        if (await _broker.TryCreateVirtualHostAsync(vhost))
        {
            VirtualHost = vhost;
            HasOwnVirtualHost = true;
            AmqpUri = new UriBuilder(_broker.BaseUri) { Path = "/" + vhost }.Uri;
        }
        else
        {
            // An external broker without the management API: share its vhost; tests then rely on unique names.
            AmqpUri = _broker.BaseUri;
            VirtualHost = RabbitMqBroker.VirtualHostOf(AmqpUri);
            TestLog.Write($"RabbitMqFixture: cannot create a virtual host on {Source} broker; sharing '{VirtualHost}'");
        }
    }

    /// <summary>A queue/exchange name no other test uses.</summary>
    public static string UniqueName(string prefix) => $"{prefix}.{Guid.NewGuid():N}";

    /// <summary>A plain RabbitMQ.Client connection to this fixture's virtual host.</summary>
    public Task<IConnection> ConnectAsync(CancellationToken cancellationToken = default) =>
        new ConnectionFactory { Uri = AmqpUri, ClientProvidedName = "platform-tests" }.CreateConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null && HasOwnVirtualHost)
            await _broker.DeleteVirtualHostAsync(VirtualHost);
    }
}

/// <summary>One broker per test process, started on first use and stopped when the process exits.</summary>
internal sealed class RabbitMqBroker
{
    private static readonly SharedServer<RabbitMqBroker> Shared = new(StartAsync, Explain);

    private readonly HttpClient? _management;
    private readonly Func<string, Task<bool>>? _createWithCli;
    private readonly Func<string, Task>? _deleteWithCli;

    private RabbitMqBroker(string source, Uri baseUri, HttpClient? management, Func<string, Task<bool>>? createWithCli = null, Func<string, Task>? deleteWithCli = null)
    {
        Source = source;
        BaseUri = baseUri;
        _management = management;
        _createWithCli = createWithCli;
        _deleteWithCli = deleteWithCli;
    }

    public string Source { get; }
    public Uri BaseUri { get; }

    public static Task<RabbitMqBroker> GetAsync() => Shared.GetAsync();

    private static string Explain(Exception ex) =>
        "No RabbitMQ broker for the integration tests: " + ex.Message + "\n" +
        "Get one by any of: (1) run a Docker engine (Testcontainers starts rabbitmq:3.13-management); " +
        $"(2) export {RabbitMqFixture.EnvironmentVariable}=amqp://guest:guest@127.0.0.1:5699/ for a running broker, e.g. " +
        "the one `bash deploy/local/start-rabbitmq.sh 5699` starts; (3) `apt-get install -y rabbitmq-server` so the fixture starts a private node itself.";

    private static async Task<RabbitMqBroker> StartAsync()
    {
        if (await DockerEngine.IsAvailableAsync())
            return await StartContainerAsync();

        var fromEnvironment = Environment.GetEnvironmentVariable(RabbitMqFixture.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "amqps"))
                throw new InvalidOperationException($"{RabbitMqFixture.EnvironmentVariable}='{fromEnvironment}' is not an amqp:// URI");
            await EnsureReachableAsync(uri);
            return new RabbitMqBroker("environment", uri, await FindManagementAsync(uri));
        }

        return await StartLocalNodeAsync();
    }

    private static async Task<RabbitMqBroker> StartContainerAsync()
    {
        var container = new RabbitMqBuilder("rabbitmq:3.13-management").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        var uri = new Uri(container.GetConnectionString());
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        return new RabbitMqBroker("docker", uri, management: null,
            createWithCli: async vhost =>
            {
                var add = await container.ExecAsync(["rabbitmqctl", "add_vhost", vhost]);
                var grant = await container.ExecAsync(["rabbitmqctl", "set_permissions", "-p", vhost, user, ".*", ".*", ".*"]);
                return add.ExitCode == 0 && grant.ExitCode == 0;
            },
            deleteWithCli: vhost => container.ExecAsync(["rabbitmqctl", "delete_vhost", vhost]));
    }

    private static async Task<RabbitMqBroker> StartLocalNodeAsync()
    {
        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
            throw new InvalidOperationException($"no Docker engine answered, {RabbitMqFixture.EnvironmentVariable} is not set, and rabbitmq-server is not installed");

        var script = RepositoryPaths.LocalScript("start-rabbitmq.sh");
        // The node also binds port+100 (distribution) and port+10000 (management).
        var port = FreePort.NextWithNeighbours(100, 10000);
        var dir = Directory.CreateTempSubdirectory("platform-rabbitmq-").FullName;
        var started = await Command.RunAsync("bash", [script, "--dir", dir, "--port", port.ToString()], TimeSpan.FromSeconds(120));
        if (started.ExitCode != 0)
            throw new InvalidOperationException($"a private rabbitmq-server node did not start (exit {started.ExitCode}): {started.Combined}");

        var stop = $"bash {Command.Quote(script)} --stop {Command.Quote(dir)}; rm -rf {Command.Quote(dir)}";
        // Stop with the test process; the watchdog covers a test process that is killed instead of exiting.
        await Command.SpawnDetachedAsync($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; {stop}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Command.RunAsync("bash", ["-c", stop], TimeSpan.FromSeconds(40)).Wait();

        var uri = new Uri(started.StandardOutput.Trim().Split('\n')[^1].Trim());
        var management = await FindManagementAsync(uri) ?? throw new InvalidOperationException($"the node at {uri} started but its management API does not answer");
        return new RabbitMqBroker("local node", uri, management);
    }

    private static async Task EnsureReachableAsync(Uri uri)
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = uri, RequestedConnectionTimeout = TimeSpan.FromSeconds(10) }.CreateConnectionAsync();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"{RabbitMqFixture.EnvironmentVariable}={Redact(uri)} does not accept connections: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// The management API of a broker given by URI: RABBITMQ_MANAGEMENT_URI, else the port deploy/local/start-rabbitmq.sh
    /// uses (AMQP port ± 10000), else the standard 15672.
    /// </summary>
    private static async Task<HttpClient?> FindManagementAsync(Uri amqp)
    {
        var candidates = new List<string>();
        var configured = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_URI");
        if (!string.IsNullOrWhiteSpace(configured))
            candidates.Add(configured.TrimEnd('/') + "/");
        var port = amqp.IsDefaultPort ? 5672 : amqp.Port;
        candidates.Add($"http://{amqp.Host}:{(port > 55535 ? port - 10000 : port + 10000)}/");
        candidates.Add($"http://{amqp.Host}:15672/");

        var user = amqp.UserInfo.Split(':', 2);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(
            $"{(user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest")}:{(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest")}"));
        foreach (var candidate in candidates.Distinct())
        {
            var client = new HttpClient { BaseAddress = new Uri(candidate), Timeout = TimeSpan.FromSeconds(10) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
            try
            {
                using var response = await client.GetAsync("api/overview");
                if (response.IsSuccessStatusCode)
                    return client;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
            }

            client.Dispose();
        }

        return null;
    }

    public async Task<bool> TryCreateVirtualHostAsync(string vhost)
    {
        if (_createWithCli is not null)
            return await _createWithCli(vhost);
        if (_management is null)
            return false;

        using var create = await _management.PutAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}", null);
        if (!create.IsSuccessStatusCode)
            return false;
        var user = Uri.UnescapeDataString(BaseUri.UserInfo.Split(':')[0]);
        using var body = new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json");
        using var grant = await _management.PutAsync($"api/permissions/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(user.Length > 0 ? user : "guest")}", body);
        return grant.IsSuccessStatusCode;
    }

    public async Task DeleteVirtualHostAsync(string vhost)
    {
        try
        {
            if (_deleteWithCli is not null)
                await _deleteWithCli(vhost);
            else if (_management is not null)
                (await _management.DeleteAsync($"api/vhosts/{Uri.EscapeDataString(vhost)}")).Dispose();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            // best effort: the broker may already be stopping with the test process
        }
    }

    public static string VirtualHostOf(Uri uri)
    {
        var path = uri.AbsolutePath.Trim('/');
        return path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
    }

    private static string Redact(Uri uri) => new UriBuilder(uri) { Password = uri.UserInfo.Contains(':') ? "***" : "" }.Uri.ToString();
}
