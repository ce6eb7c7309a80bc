using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.Testing;

/// <summary>Free loopback TCP ports for servers a test starts.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the OS picks it, so parallel tests do not collide).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A free port whose neighbour <paramref name="offset"/> away is free too (RabbitMQ uses port+100, port±10000).</summary>
    public static int NextWithNeighbours(params int[] offsets)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(20000, 45000);
            if (IsFree(port) && offsets.All(o => IsFree(port + o)))
                return port;
        }

        throw new InvalidOperationException("Could not find a free group of loopback ports");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>Where the repository is, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string?> RootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                return dir.FullName;
        }

        return null;
    });

    /// <summary>The folder holding Platform.sln.</summary>
    public static string Root => RootLazy.Value
        ?? throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}; run the tests from the repository");

    /// <summary>"Release" or "Debug", whichever the test assembly was built with.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>deploy/local/&lt;name&gt;.</summary>
    public static string LocalScript(string name) => Path.Combine(Root, "deploy", "local", name);
}

/// <summary>Runs a command to completion with a timeout, capturing its output.</summary>
internal static class Command
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Combined => (StandardError + "\n" + StandardOutput).Trim();
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout, IDictionary<string, string>? environment = null, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
                start.Environment[key] = value;
        }

        using var process = new Process { StartInfo = start };
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (stdout)
                    stdout.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (stderr)
                    stderr.AppendLine(e.Data);
        };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(127, "", $"{file}: {ex.Message}");
        }

        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
            }

            return new Result(124, stdout.ToString(), $"{file} {string.Join(' ', args)} did not finish within {timeout}\n{stderr}");
        }

        // WaitForExitAsync returns once the streams hit EOF as well, so the buffers are complete here.
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Runs <paramref name="script"/> in a detached session that outlives this process, e.g. a watchdog that stops a
    /// server once the test process is gone (killed runs must not leave brokers behind on a shared machine).
    /// </summary>
    public static Task<Result> SpawnDetachedAsync(string script) =>
        RunAsync("bash", ["-c", $"setsid nohup bash -c {Quote(script)} </dev/null >/dev/null 2>&1 &"], TimeSpan.FromSeconds(10));

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";
}

/// <summary>Whether a Docker engine answers (Testcontainers needs one). Checked once per process.</summary>
public static class DockerEngine
{
    private static readonly Lazy<Task<bool>> Answer = new(CheckAsync);

    public static Task<bool> IsAvailableAsync() => Answer.Value;

    private static async Task<bool> CheckAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrEmpty(host) && !File.Exists("/var/run/docker.sock"))
            return false;
        // A CLI without an engine, or a dead socket, must not stall every fixture: 3 s is plenty for a live engine.
        var result = await Command.RunAsync("docker", ["info", "--format", "{{.ServerVersion}}"], TimeSpan.FromSeconds(3));
        return result.ExitCode == 0 && result.StandardOutput.Trim().Length > 0;
    }
}

/// <summary>Polls a condition; the limit only keeps a broken test from hanging.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            var value = await probe();
            if (condition(value))
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0}s");
            await Task.Delay(100);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        GetAsync(() => Task.FromResult(condition()), v => v, what, timeout);
}

/// <summary>Writes to the current test's output when there is a current test (fixtures and background readers may run outside one).</summary>
public static class TestLog
{
    public static void Write(string line)
    {
        try
        {
            var output = TestContext.Current.TestOutputHelper;
            if (output is not null)
                output.WriteLine(line);
            else
                TestContext.Current.SendDiagnosticMessage(line);
        }
        catch (InvalidOperationException)
        {
            // the test that owned the output has finished
        }
    }
}
