using System.CommandLine;
using Platform.Cli.Commands;

namespace Platform.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real command tree in-process with captured stdout/stderr and an isolated environment.</summary>
internal static class Cli
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await Parse(environment, args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static ParseResult Parse(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new RootCommand("platform").AddPlatformCommands(name => environment.GetValueOrDefault(name)).Parse(args);

    public static ParseResult Parse(params string[] args) => Parse(new Dictionary<string, string>(), args);
}
