using System.CommandLine;
using Platform.Contracts.Query.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary><c>platform search &lt;text&gt; [--limit N]</c>: ranked full-text search.</summary>
internal static class SearchCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var text = new Argument<string[]>("text") { Description = "Words or \"quoted phrases\" (several arguments are joined with spaces)", Arity = ArgumentArity.OneOrMore };
        var limit = new Option<int>("--limit") { Description = "Most hits to show (1-500)", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Full-text search over extracted documents; prints score, title, id and snippet") { text, limit };

        command.SetPlatformAction(async (ctx, cancellationToken) =>
        {
            var query = string.Join(' ', ctx.Result.GetValue(text) ?? []).Trim();
            if (query.Length == 0)
                throw new CliException("search text is empty", ExitCodes.Usage);
            var max = ctx.Result.GetValue(limit);
            if (max is < 1 or > 500)
                throw new CliException("--limit must be between 1 and 500", ExitCodes.Usage);

            using var client = ctx.Connect(connection);
            var response = await client.Query.SearchDocumentsAsync(new SearchDocumentsRequest { Query = query, PageSize = max }, client.Call(cancellationToken, TimeSpan.FromSeconds(30)));
            if (response.Hits.Count == 0)
            {
                ctx.Console.WriteLine($"No documents match \"{query}\".");
                return ExitCodes.Success;
            }

            ctx.Console.Write(HitsTable(response.Hits.Take(max)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Table HitsTable(IEnumerable<SearchHit> hits)
    {
        var table = new Table().AddColumns(new TableColumn("#").RightAligned(), new TableColumn("Score").RightAligned().NoWrap(), new TableColumn("Title"), new TableColumn("Id").NoWrap(), new TableColumn("Snippet"));
        var rank = 0;
        foreach (var hit in hits)
        {
            var summary = hit.Document ?? new DocumentSummary();
            var title = summary.Title.Length > 0 ? summary.Title : summary.Document?.FileName ?? "";
            table.AddRow(
                (++rank).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Formatting.Score(hit.Score),
                Markup.Escape(title),
                Markup.Escape(summary.Document?.Id ?? ""),
                Formatting.SnippetMarkup(hit.Snippet));
        }

        return table;
    }
}
