using Platform.Cli.Commands;
using Platform.Extraction;
using Platform.Ingest;
using Platform.Query;
using Platform.ServiceDefaults;
using Platform.Testing;

namespace Platform.Cli.Tests;

/// <summary>
/// The real Ingest, Extraction and Query modules composed in one host, as the all-in-one mode does (in-memory bus,
/// SQLite files), on a loopback HTTP/2 port: the README's tour, run by the CLI's own command tree.
/// </summary>
public sealed class AllInOneHost : IAsyncLifetime
{
    public const string KeyA = "cli-key-a";
    public const string KeyB = "cli-key-b";

    /// <summary>The tour's own tenant: its event history must hold only its documents.</summary>
    public const string KeyTour = "cli-key-tour";

    /// <summary>Small enough that a streamed upload can exceed it cheaply.</summary>
    public const int MaxDocumentBytes = 1536 * 1024;

    private readonly string _data = Directory.CreateTempSubdirectory("platform-cli-aio-").FullName;
    private ServiceApp? _app;

    public string Address { get; private set; } = "";

    public Dictionary<string, string> As(string key) => new() { ["PLATFORM_SERVER"] = Address, ["PLATFORM_API_KEY"] = key };

    public async ValueTask InitializeAsync()
    {
        // Extraction calls Ingest at Services:Ingest, i.e. this same host, so the port must be known before start.
        var port = CommandTests.FreePort();
        Address = $"http://127.0.0.1:{port}";
        _app = await ServiceApp.StartAsync(
            b =>
            {
                b.AddServiceDefaults();
                b.AddIngest();
                b.AddExtraction();
                b.AddQuery();
                b.AddPlatformBus();
            },
            a =>
            {
                a.MapDefaultEndpoints();
                a.MapIngest();
                a.MapExtraction();
                a.MapQuery();
            },
            new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Grpc:Url"] = Address,
                ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
                ["ConnectionStrings:documents"] = $"Data Source={Path.Combine(_data, "ingest.db")}",
                ["ConnectionStrings:query"] = $"Data Source={Path.Combine(_data, "query.db")}",
                ["ConnectionStrings:rabbitmq"] = "",
                ["Ingest:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Services:Ingest"] = Address,
                ["Services:ApiKey"] = "cli-service-key",
                ["Auth:ApiKeys:cli-service-key"] = TenantContext.ServiceTenant,
                [$"Auth:ApiKeys:{KeyA}"] = "cli-tenant-a",
                [$"Auth:ApiKeys:{KeyB}"] = "cli-tenant-b",
                [$"Auth:ApiKeys:{KeyTour}"] = "cli-tenant-tour",
            },
            cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}

public sealed class AllInOneCliTests(AllInOneHost host) : IClassFixture<AllInOneHost>
{
    [Fact]
    public async Task SubmitWaitSearchGetWatch_AgainstTheRealServices_FollowTheDocumentsThroughExtraction()
    {
        using var dir = new TempDirectory();
        dir.Write("harbour.txt", "Harbour expansion approved\n\nPORT ELLSWORTH - The city council on Tuesday approved a plan to expand the northern harbour.\n\n\"This is the most important decision in a decade,\" said Mayor Helen Okafor.\n");
        dir.Write("rail.html", "<html><head><title>Night trains return to the valley line</title></head><body><article><h1>Night trains return to the valley line</h1><p>Night trains will run again between Arnsfeld and the coast from September, the transport authority said.</p></article></body></html>");
        var env = host.As(AllInOneHost.KeyTour);

        var submit = await Cli.RunAsync(env, "submit", dir.Path, "--wait", "--timeout", "120");

        Assert.True(submit.ExitCode == 0, submit.Error);
        Assert.Contains("Harbour expansion approved", submit.Output, StringComparison.Ordinal);
        Assert.Contains("Night trains return to the valley line", submit.Output, StringComparison.Ordinal);
        var ids = submit.OutputLines.Where(l => l.StartsWith("doc", StringComparison.Ordinal) && l.Contains('\t')).Select(l => l.Split('\t')[0]).ToArray();
        Assert.Equal(2, ids.Length);

        var search = await Cli.RunAsync(env, "search", "harbour");
        Assert.Equal(0, search.ExitCode);
        Assert.Contains(ids[0], search.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ids[1], search.Output, StringComparison.Ordinal);

        var get = await Cli.RunAsync(env, "get", ids[1], "--json");
        Assert.Equal(0, get.ExitCode);
        var document = Google.Protobuf.JsonParser.Default.Parse<Platform.Contracts.Query.V1.GetDocumentResponse>(get.Output);
        Assert.Equal("Night trains return to the valley line", document.Extraction.Title);

        var resubmit = await Cli.RunAsync(env, "submit", Path.Combine(dir.Path, "harbour.txt"));
        Assert.Equal($"{ids[0]}\t{Path.Combine(dir.Path, "harbour.txt")}\tduplicate", resubmit.Output.Trim());

        // WatchEvents stays open for live events: stop it once the history has arrived.
        var watch = await RunUntilAsync(env, ["watch", "--from-beginning"], output => output.Split('\n').Count(l => l.Contains("\textracted\t", StringComparison.Ordinal)) >= 2);
        var lines = watch.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Count(l => l.Contains("\tsubmitted\t", StringComparison.Ordinal)));
        var resumed = await RunUntilAsync(env, ["watch", "--cursor", lines[^2].Split('\t')[0]], output => output.Contains('\n'));
        Assert.Equal(lines[^1], resumed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single());
    }

    [Fact]
    public async Task Get_AnotherTenantsDocument_IsNotFound()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("private.txt", "A note only tenant A may read, about the budget of the harbour office.");
        var submit = await Cli.RunAsync(host.As(AllInOneHost.KeyA), "submit", file, "--wait", "--timeout", "120");
        var id = submit.OutputLines.First().Split('\t')[0];

        var asB = await Cli.RunAsync(host.As(AllInOneHost.KeyB), "get", id);

        Assert.Equal(0, submit.ExitCode);
        Assert.Equal(ExitCodes.Error, asB.ExitCode);
        Assert.StartsWith("error: NotFound:", asB.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_EmptyFile_IsRefusedByIngestWithInvalidArgument()
    {
        using var dir = new TempDirectory();
        var empty = dir.Write("empty.txt", "");

        var run = await Cli.RunAsync(host.As(AllInOneHost.KeyA), "submit", empty);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith($"error: {empty}: InvalidArgument:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_StreamedFileOverIngestsLimit_ReportsResourceExhaustedAndKeepsTheOthers()
    {
        using var dir = new TempDirectory();
        var big = dir.Write("big.txt", new string('x', AllInOneHost.MaxDocumentBytes + 300 * 1024));
        var fits = dir.Write("streamed.txt", "Large but allowed. " + new string('y', (int)SubmitCommand.StreamingThreshold + 1000));
        var small = dir.Write("small.txt", "A small document about the harbour office.");

        var run = await Cli.RunAsync(host.As(AllInOneHost.KeyA), "submit", big, fits, small);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith($"error: {big}: ResourceExhausted:", run.Error, StringComparison.Ordinal);
        Assert.Equal([fits, small], run.OutputLines.Select(l => l.Split('\t')[1]));
    }

    /// <summary>Runs a never-ending command (watch) until its output satisfies <paramref name="done"/>, then cancels it.</summary>
    private static async Task<string> RunUntilAsync(Dictionary<string, string> env, string[] args, Func<string, bool> done)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new SynchronizedWriter();
        var run = Cli.Parse(env, args).InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = output }, cts.Token);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done(output.ToString()) && !run.IsCompleted && DateTime.UtcNow < deadline)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        await cts.CancelAsync();
        var code = await run;
        Assert.True(code is ExitCodes.Cancelled or ExitCodes.Success, output.ToString());
        return output.ToString();
    }

    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly Lock _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
                base.Write(value);
        }

        public override void Write(string? value)
        {
            lock (_gate)
                base.Write(value);
        }

        public override void WriteLine(string? value)
        {
            lock (_gate)
                base.WriteLine(value);
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override string ToString()
        {
            lock (_gate)
                return base.ToString();
        }
    }
}
