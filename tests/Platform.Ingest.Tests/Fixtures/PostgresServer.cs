using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Platform.Ingest.Tests.Fixtures.PostgresServer))]

namespace Platform.Ingest.Tests.Fixtures;

/// <summary>
/// A real PostgreSQL for the store suite: the server named by POSTGRES_CONNECTION, otherwise a private one started
/// with initdb/pg_ctl (as the postgres user when running as root). Each test gets its own database.
/// Kept inside this project until tests/Platform.Testing offers the same; nothing else here depends on its internals.
/// A server that cannot be had makes the PostgreSQL tests fail with the reason; they are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "POSTGRES_CONNECTION";

    private string? _adminConnectionString;
    private string? _dataRoot;
    private string? _startError;
    private bool _ownServer;
    private readonly List<string> _databases = [];

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            _adminConnectionString = external;
            return;
        }

        try
        {
            _adminConnectionString = await StartOwnServerAsync();
            _ownServer = true;
        }
        catch (Exception ex)
        {
            // Kept, not thrown: the SQLite and unit tests in this assembly must still run; every PostgreSQL test fails with this.
            _startError = ex.Message;
        }
    }

    /// <summary>A new empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        if (_adminConnectionString is null)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL server for the Ingest store tests: {_startError}. Set {EnvironmentVariable} to an Npgsql connection string " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=postgres;Password=...;Database=postgres), or install PostgreSQL (initdb, pg_ctl on PATH).");
        }

        var name = "ingest_test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var admin = new NpgsqlConnection(_adminConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            var origin = _ownServer ? "the server this fixture started" : EnvironmentVariable;
            throw new InvalidOperationException($"Could not create a test database on PostgreSQL ({origin}): {ex.Message}", ex);
        }

        lock (_databases)
            _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_ownServer && _dataRoot is not null)
        {
            await RunAsync(AsPostgres("pg_ctl", "-D", Path.Combine(_dataRoot, "data"), "-m", "immediate", "-w", "stop"), TimeSpan.FromSeconds(60), throwOnError: false);
            try
            {
                Directory.Delete(_dataRoot, recursive: true);
            }
            catch (IOException)
            {
            }

            return;
        }

        if (_adminConnectionString is null || _databases.Count == 0)
            return;
        // On a shared server, leave nothing behind.
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        foreach (var name in _databases)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private async Task<string> StartOwnServerAsync()
    {
        if (FindTool("initdb") is null || FindTool("pg_ctl") is null)
            throw new InvalidOperationException("initdb/pg_ctl not found on PATH or under /usr/lib/postgresql/*/bin");

        _dataRoot = Directory.CreateTempSubdirectory("platform-ingest-pg-").FullName;
        if (Environment.UserName == "root")
            await RunAsync(("chown", ["postgres", _dataRoot]), TimeSpan.FromSeconds(30));

        var data = Path.Combine(_dataRoot, "data");
        await RunAsync(AsPostgres("initdb", "-D", data, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8"), TimeSpan.FromMinutes(2));

        var port = FreePort();
        var settings = $"-p {port} -k {_dataRoot} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
        await RunAsync(AsPostgres("pg_ctl", "-D", data, "-l", Path.Combine(_dataRoot, "server.log"), "-w", "-t", "60", "-o", settings, "start"), TimeSpan.FromSeconds(90));
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=30";
    }

    private static (string File, string[] Args) AsPostgres(string tool, params string[] args)
    {
        var path = FindTool(tool) ?? tool;
        // initdb refuses to run as root; run the server tools as the postgres user then.
        return Environment.UserName == "root" ? ("runuser", ["-u", "postgres", "--", path, .. args]) : (path, args);
    }

    private static string? FindTool(string tool)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (Directory.Exists("/usr/lib/postgresql"))
            dirs.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        return dirs.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync((string File, string[] Args) command, TimeSpan timeout, bool throwOnError = true)
    {
        var start = new ProcessStartInfo(command.File) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in command.Args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command.File}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{command.File} {string.Join(' ', command.Args)} did not finish within {timeout}");
        }

        if (process.ExitCode != 0 && throwOnError)
            throw new InvalidOperationException($"{command.File} {string.Join(' ', command.Args)} exited with {process.ExitCode}: {await stderr}{await stdout}");
    }
}
