using Platform.Cli.Commands;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;

namespace Platform.Cli.Tests;

/// <summary>The commands against Ingest/Query stand-ins over real HTTP/2, with the platform's API-key check.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task AnyCommand_WhenNoServerListens_PrintsUnavailableWithoutStackTraceAndExitsNonZero()
    {
        var port = FreePort();
        foreach (var args in new[] { new[] { "list" }, ["search", "talks"], ["get", "d1"], ["watch"] })
        {
            var run = await Cli.RunAsync(new Dictionary<string, string> { ["PLATFORM_SERVER"] = $"http://127.0.0.1:{port}" }, args);

            Assert.Equal(ExitCodes.Error, run.ExitCode);
            Assert.StartsWith("error: Unavailable:", run.Error, StringComparison.Ordinal);
            Assert.Contains($"hint: is the platform running at http://127.0.0.1:{port}/?", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
    }

    [Fact]
    public async Task Submit_WhenNoServerListens_StopsAtTheFirstFileWithOneError()
    {
        using var dir = new TempDirectory();
        dir.Write("a.txt", "one");
        dir.Write("b.txt", "two");

        var run = await Cli.RunAsync(new Dictionary<string, string> { ["PLATFORM_SERVER"] = $"http://127.0.0.1:{FreePort()}" }, "submit", dir.Path);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Single(run.Error.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyCommand_WithAnUnknownKey_PrintsUnauthenticated()
    {
        await using var platform = await FakePlatform.StartAsync();

        var run = await Cli.RunAsync(platform.Environment, "list", "--api-key", "wrong");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.StartsWith("error: Unauthenticated: Unknown API key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ForAnUnknownDocument_PrintsNotFoundAndExitsNonZero()
    {
        await using var platform = await FakePlatform.StartAsync();

        var run = await Cli.RunAsync(platform.Environment, "get", "missing");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("error: NotFound: Document 'missing' not found", run.Error.Trim());
    }

    [Fact]
    public async Task Submit_SmallAndLargeFiles_UsesUnaryBelowOneMebibyteAndStreamingAbove()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var dir = new TempDirectory();
        dir.Write("small.txt", "A short wire story.");
        var large = new byte[(int)SubmitCommand.StreamingThreshold + 10];
        Random.Shared.NextBytes(large);
        dir.Write("large.txt", large);

        var run = await Cli.RunAsync(platform.Environment, "submit", dir.Path, "--media-type", "text/plain");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["stream:large.txt:5", "unary:small.txt"], platform.Ingest.Calls);
        Assert.All(platform.Ingest.MediaTypes, m => Assert.Equal("text/plain", m));
        Assert.Equal(2, run.OutputLines.Length);
        Assert.All(run.OutputLines, l => Assert.Matches(@"^doc-[0-9a-f]{12}\t.+\.txt$", l));
    }

    [Fact]
    public async Task Submit_SameContentTwice_PrintsTheSameIdMarkedDuplicate()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var dir = new TempDirectory();
        var first = dir.Write("a.txt", "Same words.");
        var second = dir.Write("b.txt", "Same words.");

        var run = await Cli.RunAsync(platform.Environment, "submit", first, second);

        Assert.Equal(0, run.ExitCode);
        var lines = run.OutputLines.Select(l => l.Split('\t')).ToArray();
        Assert.Equal(lines[0][0], lines[1][0]);
        Assert.Equal(2, lines[0].Length);
        Assert.Equal("duplicate", lines[1][2]);
    }

    [Fact]
    public async Task Submit_WithAnEmptyFile_ReportsItsStatusAndStillSubmitsTheOthers()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var dir = new TempDirectory();
        var empty = dir.Write("empty.txt", "");
        var good = dir.Write("good.txt", "Content.");

        var run = await Cli.RunAsync(platform.Environment, "submit", empty, good);

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal($"error: {empty}: InvalidArgument: The document is empty", run.Error.Trim());
        Assert.Single(run.OutputLines);
        Assert.EndsWith("good.txt", run.OutputLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWait_WaitsUntilEveryDocumentIsTerminal_ThenPrintsTitlesAndStates()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Query.NotFoundPolls = 2;
        platform.Query.SubmittedPolls = 2;
        using var dir = new TempDirectory();
        dir.Write("talks.txt", "Talks resumed on Monday.");

        var run = await Cli.RunAsync(platform.Environment, "submit", dir.Path, "--wait");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Title of talks.txt", run.Output, StringComparison.Ordinal);
        Assert.Contains("extracted", run.Output, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task SubmitWait_WhenADocumentFails_ShowsTheReasonAndExitsNonZero()
    {
        await using var platform = await FakePlatform.StartAsync();
        using var dir = new TempDirectory();
        dir.Write("bad.png", "not really a picture");
        dir.Write("good.txt", "Fine text.");

        var run = await Cli.RunAsync(platform.Environment, "submit", dir.Path, "--wait");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("unsupported media type image/png", run.Output, StringComparison.Ordinal);
        Assert.Contains("Title of good.txt", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitWait_WhenExtractionNeverFinishes_TimesOutWithAnError()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Query.SubmittedPolls = int.MaxValue / 2;
        using var dir = new TempDirectory();
        dir.Write("slow.txt", "Never extracted.");

        var run = await Cli.RunAsync(platform.Environment, "submit", dir.Path, "--wait", "--timeout", "1");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("timed out after 1 s with 1 document(s)", run.Error, StringComparison.Ordinal);
        Assert.Contains("submitted", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_InDistributedMode_SendsToIngestAndPollsQuery()
    {
        await using var ingest = await FakePlatform.StartAsync(query: false);
        await using var query = await FakePlatform.StartAsync(ingest: false);
        using var dir = new TempDirectory();
        var file = dir.Write("a.txt", "Distributed.");
        // The stand-in Ingest records documents in its own Query; copy it into the separate Query host.
        var env = new Dictionary<string, string> { ["PLATFORM_INGEST"] = ingest.Address, ["PLATFORM_QUERY"] = query.Address, ["PLATFORM_API_KEY"] = FakePlatform.ApiKey, ["PLATFORM_SERVER"] = "http://127.0.0.1:1" };

        var submit = await Cli.RunAsync(env, "submit", file);
        var id = submit.OutputLines.Single().Split('\t')[0];
        query.Query.AddExtracted(id, "Distributed title");
        var get = await Cli.RunAsync(env, "get", id);

        Assert.Equal(0, submit.ExitCode);
        Assert.Equal(0, get.ExitCode);
        Assert.Contains("Distributed title", get.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithJson_PrintsProto3JsonOfDocumentAndExtraction()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Query.AddExtracted("d1", "Talks resume", new Entity { Name = "Anna Berg", Type = EntityType.Person, MentionCount = 2 });

        var run = await Cli.RunAsync(platform.Environment, "get", "d1", "--json");

        Assert.Equal(0, run.ExitCode);
        var parsed = Google.Protobuf.JsonParser.Default.Parse<GetDocumentResponse>(run.Output);
        Assert.Equal("d1", parsed.Document.Id);
        Assert.Equal(DocumentState.Extracted, parsed.Document.State);
        Assert.Equal("Talks resume", parsed.Extraction.Title);
        Assert.Equal("Anna Berg", parsed.Extraction.Entities.Single().Name);
    }

    [Fact]
    public async Task Search_PrintsRankedHitsAndPassesTextAndLimit()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Query.Hits.Add(new SearchHit { Score = 2.5, Snippet = "**nuclear** talks", Document = new DocumentSummary { Title = "Talks resume", Document = new Document { Id = "d1" } } });
        platform.Query.Hits.Add(new SearchHit { Score = 0.75, Snippet = "other **nuclear** news", Document = new DocumentSummary { Title = "Second", Document = new Document { Id = "d2" } } });

        var run = await Cli.RunAsync(platform.Environment, "search", "nuclear", "talks", "--limit", "5");

        Assert.Equal(0, run.ExitCode);
        var request = Assert.Single(platform.Query.Searches);
        Assert.Equal("nuclear talks", request.Query);
        Assert.Equal(5, request.PageSize);
        Assert.True(run.Output.IndexOf("2.500", StringComparison.Ordinal) < run.Output.IndexOf("0.750", StringComparison.Ordinal));
        Assert.Contains("nuclear talks", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithNoHits_SaysSoAndSucceeds()
    {
        await using var platform = await FakePlatform.StartAsync();

        var run = await Cli.RunAsync(platform.Environment, "search", "nothing");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No documents match \"nothing\".", run.Output.Trim());
    }

    [Fact]
    public async Task List_PagesThroughEveryDocumentUpToTheLimit()
    {
        await using var platform = await FakePlatform.StartAsync();
        for (var i = 0; i < 7; i++)
            platform.Query.AddExtracted($"doc-{i}", $"Title {i}");

        var all = await Cli.RunAsync(platform.Environment, "list");
        var some = await Cli.RunAsync(platform.Environment, "list", "--limit", "3");

        Assert.Equal(0, all.ExitCode);
        Assert.All(Enumerable.Range(0, 7), i => Assert.Contains($"doc-{i}", all.Output, StringComparison.Ordinal));
        Assert.Contains("doc-2", some.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("doc-3", some.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_PrintsOneLinePerEventWithItsCursor_AndResumesAfterAGivenCursor()
    {
        await using var platform = await FakePlatform.StartAsync();
        platform.Query.Events.Add(FakeQuery.Extracted("1", "d1", "First"));
        platform.Query.Events.Add(FakeQuery.Extracted("2", "d2", "Second"));
        platform.Query.Events.Add(FakeQuery.Extracted("3", "d3", "Third"));

        var all = await Cli.RunAsync(platform.Environment, "watch", "--from-beginning");
        var resumed = await Cli.RunAsync(platform.Environment, "watch", "--cursor", all.OutputLines[1].Split('\t')[0]);

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(["1", "2", "3"], all.OutputLines.Select(l => l.Split('\t')[0]));
        Assert.Equal(["3\t2024-03-01T12:00:00Z\textracted\td3\tThird"], resumed.OutputLines);
        Assert.Equal(["", "2"], platform.Query.Watches.Select(w => w.Cursor));
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
