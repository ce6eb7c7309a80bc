using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Platform.Cli.Tests")]
