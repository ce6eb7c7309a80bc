using System.CommandLine;
using Grpc.Core;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary>A user-facing failure: printed as one line, no stack trace.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Error) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

internal static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;
}

/// <summary>Everything a command action needs: parsed values, a console on the invocation's output, errors.</summary>
internal sealed class CommandContext(ParseResult result, IAnsiConsole console, TextWriter error)
{
    public ParseResult Result { get; } = result;
    public IAnsiConsole Console { get; } = console;
    public TextWriter Error { get; } = error;

    /// <summary>The addresses the command connected to, for error messages.</summary>
    public PlatformEndpoints? Endpoints { get; private set; }

    public PlatformClient Connect(ConnectionOptions connection)
    {
        Endpoints = connection.Resolve(Result);
        return new PlatformClient(Endpoints);
    }

    /// <summary>Whether live widgets (progress bars) may be drawn: only on an interactive terminal.</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive;
}

internal static class CommandRunner
{
    /// <summary>
    /// Runs a command action so that every failure ends as one line on stderr and a non-zero exit code:
    /// gRPC errors print their status code and message, never a stack trace.
    /// </summary>
    public static void SetPlatformAction(this Command command, Func<CommandContext, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            var output = result.InvocationConfiguration.Output;
            var error = result.InvocationConfiguration.Error;
            var context = new CommandContext(result, CreateConsole(output), error);
            try
            {
                return await action(context, cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Cancelled && cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Cancelled;
            }
            catch (RpcException e)
            {
                await error.WriteLineAsync(Formatting.RpcError(e, context.Endpoints));
                return ExitCodes.Error;
            }
            catch (CliException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return e.ExitCode;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or HttpRequestException or InvalidOperationException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Error;
            }
        });

    /// <summary>
    /// The real terminal when writing to the process's stdout; otherwise (tests, redirection through the
    /// invocation configuration) a plain, non-interactive console without colours on the given writer.
    /// </summary>
    public static IAnsiConsole CreateConsole(TextWriter output)
    {
        if (ReferenceEquals(output, System.Console.Out))
        {
            // Piped into a file or another program: no terminal width to respect, so do not wrap ids and titles at 80.
            if (System.Console.IsOutputRedirected && AnsiConsole.Console.Profile.Width < 200)
                AnsiConsole.Console.Profile.Width = 200;
            return AnsiConsole.Console;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        return console;
    }
}
