using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Grpc.Net.Client;

namespace Platform.Testing;

/// <summary>
/// A service run as a separate OS process (<c>dotnet path/to/Service.dll</c>) on a loopback port, for end-to-end
/// tests: waits for /health/ready, copies its output to the test log, and can be killed and restarted.
/// </summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly string _assemblyPath;
    private readonly Dictionary<string, string?> _settings;
    private readonly string[] _args;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <param name="name">Label for log lines ("extraction-1").</param>
    /// <param name="assemblyPath">The built service dll, see <see cref="ServiceAssembly"/>.</param>
    /// <param name="settings">Configuration keys ("ConnectionStrings:rabbitmq"), passed as environment variables.</param>
    /// <param name="args">Extra command-line arguments.</param>
    /// <param name="port">Loopback port to listen on; a free one when null. Kept across restarts.</param>
    public ProcessHost(string name, string assemblyPath, IDictionary<string, string?>? settings = null, IEnumerable<string>? args = null, int? port = null)
    {
        if (!File.Exists(assemblyPath))
            throw new FileNotFoundException($"{assemblyPath} does not exist; build the service first (dotnet build -c {RepositoryPaths.Configuration})", assemblyPath);
        Name = name;
        _assemblyPath = assemblyPath;
        _settings = settings is null ? [] : new Dictionary<string, string?>(settings);
        _args = args?.ToArray() ?? [];
        Port = port ?? FreePort.Next();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Address { get; }
    public GrpcChannel Channel { get; }

    /// <summary>Every line the process wrote so far, all runs included.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Called for each output line (in addition to the test log).</summary>
    public event Action<string>? OutputReceived;

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>services/&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;project&gt;.dll, built in the tests' configuration.</summary>
    public static string ServiceAssembly(string project, string? configuration = null) =>
        Path.Combine(RepositoryPaths.Root, "services", project, "bin", configuration ?? RepositoryPaths.Configuration, "net10.0", project + ".dll");

    /// <summary>Starts the process and waits until /health/ready answers 200.</summary>
    public async Task StartAsync(TimeSpan? readyTimeout = null, CancellationToken cancellationToken = default)
    {
        if (IsRunning)
            throw new InvalidOperationException($"{Name} is already running");

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_assemblyPath)!,
        };
        start.ArgumentList.Add(_assemblyPath);
        foreach (var arg in _args)
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Json"] = "false";
        foreach (var (key, value) in _settings)
            start.Environment[key.Replace(":", "__")] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Receive($"started pid {process.Id} on {Address}");

        await WaitUntilReadyAsync(readyTimeout ?? TimeSpan.FromSeconds(90), cancellationToken);
    }

    /// <summary>Polls /health/ready over HTTP/2 (prior knowledge, as gRPC uses it) until it answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient
        {
            BaseAddress = Address,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow + timeout;
        string last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is null || _process.HasExited)
                throw new InvalidOperationException($"{Name} exited with code {_process?.ExitCode} before it was ready:\n{Tail()}");
            try
            {
                using var response = await http.GetAsync("/health/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                    return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex.Message;
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout.TotalSeconds:0}s ({last}):\n{Tail()}");
    }

    /// <summary>Ends the process at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            Receive($"killing pid {process.Id}");
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>Asks the process to shut down gracefully (SIGTERM), killing it after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan? grace = null)
    {
        if (_process is not { HasExited: false } process)
            return;
        await Command.RunAsync("kill", ["-TERM", process.Id.ToString()], TimeSpan.FromSeconds(5));
        using var cts = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Kills (or stops) the process and starts it again on the same port and settings.</summary>
    public async Task RestartAsync(bool kill = true, TimeSpan? readyTimeout = null)
    {
        if (kill)
            Kill();
        else
            await StopAsync();
        await StartAsync(readyTimeout);
    }

    /// <summary>The last lines of output, for failure messages.</summary>
    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    private void Receive(string? line)
    {
        if (line is null)
            return;
        var labelled = $"[{Name}] {line}";
        _output.Enqueue(labelled);
        TestLog.Write(labelled);
        OutputReceived?.Invoke(line);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Channel.Dispose();
        await Task.CompletedTask;
    }
}
