using System.CommandLine;
using Platform.Cli.Commands;

var root = new RootCommand("platform: submit news documents, follow their extraction and query the results");
root.Subcommands.Add(ExtractCommand.Create());
root.AddPlatformCommands(); // submit, watch, get, search, list and the --server/--api-key/--ingest/--query options
return root.Parse(args).Invoke();
