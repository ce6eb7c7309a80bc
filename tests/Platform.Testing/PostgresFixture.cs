using Npgsql;
using Testcontainers.PostgreSql;

namespace Platform.Testing;

/// <summary>
/// A fresh PostgreSQL database per fixture instance on a real server: a Testcontainers container when a Docker
/// engine answers; the server in <c>POSTGRES_CONNECTION</c>; a private server this process starts
/// (deploy/local/start-postgres.sh: initdb + pg_ctl). With none possible, initialisation fails with instructions.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "POSTGRES_CONNECTION";

    private readonly List<string> _databases = [];
    private PostgresServer? _server;

    /// <summary>Npgsql connection string of this fixture's own database.</summary>
    public string ConnectionString { get; private set; } = null!;

    /// <summary>Where the server comes from: "docker", "environment" or "local server".</summary>
    public string Source => _server?.Source ?? "none";

    public async ValueTask InitializeAsync()
    {
        _server = await PostgresServer.GetAsync();
        ConnectionString = await CreateDatabaseAsync();
    }

    /// <summary>Another empty database on the same server (dropped with the fixture).</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var server = _server ?? throw new InvalidOperationException("PostgresFixture is not initialised");
        var name = "platform_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        lock (_databases)
            _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await using var admin = new NpgsqlConnection(_server.AdminConnectionString);
            await admin.OpenAsync();
            foreach (var name in _databases)
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // best effort: a shared server keeps a stray test database at worst
        }
    }
}

/// <summary>One PostgreSQL server per test process, started on first use and stopped when the process exits.</summary>
internal sealed class PostgresServer
{
    private static readonly SharedServer<PostgresServer> Shared = new(StartAsync, Explain);

    private PostgresServer(string source, string adminConnectionString)
    {
        Source = source;
        AdminConnectionString = adminConnectionString;
    }

    public string Source { get; }
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.GetAsync();

    private static string Explain(Exception ex) =>
        "No PostgreSQL server for the tests: " + ex.Message + "\n" +
        "Get one by any of: (1) run a Docker engine (Testcontainers starts postgres:16-alpine); " +
        $"(2) export {PostgresFixture.EnvironmentVariable}='Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres' for a running server, e.g. " +
        "the one `bash deploy/local/start-postgres.sh 55432` starts; (3) `apt-get install -y postgresql` so the fixture starts a private server itself.";

    private static async Task<PostgresServer> StartAsync()
    {
        if (await DockerEngine.IsAvailableAsync())
        {
            var container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            return new PostgresServer("docker", container.GetConnectionString());
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(PostgresFixture.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            try
            {
                await using var probe = new NpgsqlConnection(fromEnvironment);
                await probe.OpenAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
            {
                throw new InvalidOperationException($"{PostgresFixture.EnvironmentVariable} does not connect: {ex.Message}", ex);
            }

            return new PostgresServer("environment", fromEnvironment);
        }

        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Any())
            throw new InvalidOperationException($"no Docker engine answered, {PostgresFixture.EnvironmentVariable} is not set, and PostgreSQL is not installed");

        var script = RepositoryPaths.LocalScript("start-postgres.sh");
        var port = FreePort.Next();
        var dir = Path.Combine(Path.GetTempPath(), $"platform-postgres-{Guid.NewGuid():N}");
        var started = await Command.RunAsync("bash", [script, "--dir", dir, "--port", port.ToString()], TimeSpan.FromSeconds(120));
        if (started.ExitCode != 0)
            throw new InvalidOperationException($"a private PostgreSQL server did not start (exit {started.ExitCode}): {started.Combined}");

        var stop = $"bash {Command.Quote(script)} --stop {Command.Quote(dir)}; rm -rf {Command.Quote(dir)}";
        await Command.SpawnDetachedAsync($"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; {stop}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Command.RunAsync("bash", ["-c", stop], TimeSpan.FromSeconds(40)).Wait();
        var connection = started.StandardOutput.Trim().Split('\n')[^1].Trim();
        return new PostgresServer("local server", connection + ";Timeout=30");
    }
}
