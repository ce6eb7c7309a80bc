using System.CommandLine;
using Platform.Cli.Commands;

var root = new RootCommand("platform: submit news documents, follow their extraction and query the results");
root.Subcommands.Add(ExtractCommand.Create());
return root.Parse(args).Invoke();
