using System.CommandLine;

namespace Platform.Cli.Commands;

/// <summary>Adds the commands that talk to a running platform (submit, watch, get, search, list) and their global options.</summary>
public static class PlatformCommands
{
    /// <param name="root">The CLI's root command.</param>
    /// <param name="environment">Environment lookup for option defaults (tests pass their own).</param>
    public static RootCommand AddPlatformCommands(this RootCommand root, Func<string, string?>? environment = null) =>
        root.AddPlatformCommands(new ConnectionOptions(environment ?? Environment.GetEnvironmentVariable));

    internal static RootCommand AddPlatformCommands(this RootCommand root, ConnectionOptions connection)
    {
        foreach (var option in connection.All)
            root.Options.Add(option);
        root.Subcommands.Add(SubmitCommand.Create(connection));
        root.Subcommands.Add(WatchCommand.Create(connection));
        root.Subcommands.Add(GetCommand.Create(connection));
        root.Subcommands.Add(SearchCommand.Create(connection));
        root.Subcommands.Add(ListCommand.Create(connection));
        return root;
    }
}
