using Platform.Cli.Commands;

namespace Platform.Cli.Tests;

public sealed class ParsingTests
{
    [Fact]
    public void Submit_WithPathsAndOptions_ParsesEveryValue()
    {
        var result = Cli.Parse("submit", "a.txt", "folder", "--wait", "--media-type", "text/html");

        Assert.Empty(result.Errors);
        Assert.Equal("submit", result.CommandResult.Command.Name);
        Assert.Equal(["a.txt", "folder"], result.GetValue<string[]>("paths")!);
        Assert.True(result.GetValue<bool>("--wait"));
        Assert.Equal("text/html", result.GetValue<string>("--media-type"));
    }

    [Fact]
    public async Task Submit_WithoutPaths_IsAParseErrorWithNonZeroExit()
    {
        var run = await Cli.RunAsync("submit");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("paths", run.Error + run.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ConnectionOptions_WhenNotGiven_DefaultToTheAllInOneHostAndDevKey()
    {
        var endpoints = Resolve("list");

        Assert.Equal(new Uri("http://localhost:5000"), endpoints.Ingest);
        Assert.Equal(new Uri("http://localhost:5000"), endpoints.Query);
        Assert.Equal("dev-local-key", endpoints.ApiKey);
    }

    [Fact]
    public void ConnectionOptions_WhenOnlyEnvironmentIsSet_ComeFromEnvironment()
    {
        var env = new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://platform:7000", ["PLATFORM_API_KEY"] = "env-key" };

        var endpoints = Resolve(env, "list");

        Assert.Equal(new Uri("http://platform:7000"), endpoints.Query);
        Assert.Equal("env-key", endpoints.ApiKey);
    }

    [Fact]
    public void ConnectionOptions_GivenAfterTheSubcommand_OverrideEnvironment()
    {
        var env = new Dictionary<string, string> { ["PLATFORM_SERVER"] = "http://platform:7000", ["PLATFORM_API_KEY"] = "env-key" };

        var endpoints = Resolve(env, "search", "talks", "--server", "http://other:8000", "--api-key", "flag-key");

        Assert.Equal(new Uri("http://other:8000"), endpoints.Ingest);
        Assert.Equal("flag-key", endpoints.ApiKey);
    }

    [Fact]
    public void IngestAndQuery_InDistributedMode_OverrideServerSeparately()
    {
        var env = new Dictionary<string, string> { ["PLATFORM_QUERY"] = "http://query:5002" };

        var endpoints = Resolve(env, "--server", "http://all:5000", "--ingest", "ingest:5001", "list");

        Assert.Equal(new Uri("http://ingest:5001"), endpoints.Ingest);
        Assert.Equal(new Uri("http://query:5002"), endpoints.Query);
    }

    [Theory]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("http://10.0.0.1:8080", "http://10.0.0.1:8080/")]
    [InlineData("https://platform.example", "https://platform.example/")]
    public void Address_WithOrWithoutScheme_IsAccepted(string value, string expected) =>
        Assert.Equal(expected, ConnectionOptions.ParseAddress(value, "--server").ToString());

    [Theory]
    [InlineData("ftp://host")]
    [InlineData("http://")]
    [InlineData("not an address")]
    public void Address_ThatIsNotHttp_IsRejectedWithTheOptionName(string value)
    {
        var e = Assert.Throws<CliException>(() => ConnectionOptions.ParseAddress(value, "--server"));
        Assert.Contains("--server", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WithUnknownState_IsRejectedBeforeAnyCall()
    {
        var run = await Cli.RunAsync("list", "--state", "deleted", "--server", "http://127.0.0.1:1");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("deleted", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unavailable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_WithCursorAndFromBeginning_IsAUsageError()
    {
        var run = await Cli.RunAsync("watch", "--cursor", "5", "--from-beginning", "--server", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("exclude each other", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_WithLimitOutOfRange_IsAUsageError()
    {
        var run = await Cli.RunAsync("search", "talks", "--limit", "0");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--limit", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithMissingPath_IsAUsageErrorNamingThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "platform-cli-tests-" + Guid.NewGuid().ToString("N"));

        var run = await Cli.RunAsync("submit", missing);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"error: no such file or folder: {missing}", run.Error.Trim());
    }

    [Fact]
    public void FileInputs_ForAFolder_AreEveryFileRecursivelyInOrdinalOrderWithoutHiddenOnes()
    {
        using var dir = new TempDirectory();
        dir.Write("b.txt", "b");
        dir.Write("a.html", "a");
        dir.Write("sub/c.txt", "c");
        dir.Write(".hidden", "h");

        var files = FileInputs.Expand([dir.Path, Path.Combine(dir.Path, "a.html")]);

        Assert.Equal(["a.html", "b.txt", "c.txt"], files.Select(f => Path.GetFileName(f.FullPath)));
    }

    private static PlatformEndpoints Resolve(params string[] args) => Resolve(new Dictionary<string, string>(), args);

    private static PlatformEndpoints Resolve(Dictionary<string, string> environment, params string[] args)
    {
        var connection = new ConnectionOptions(name => environment.GetValueOrDefault(name));
        var result = new System.CommandLine.RootCommand("platform").AddPlatformCommands(connection).Parse(args);
        Assert.Empty(result.Errors);
        return connection.Resolve(result);
    }
}

internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("platform-cli-tests-").FullName;

    public string Write(string relative, string content) => Write(relative, System.Text.Encoding.UTF8.GetBytes(content));

    public string Write(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
