using System.CommandLine;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary><c>platform list [--state S] [--limit N]</c>: the tenant's documents.</summary>
internal static class ListCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var state = new Option<string?>("--state") { Description = "Only documents in this state" };
        state.AcceptOnlyFromAmong("submitted", "extracted", "failed");
        var limit = new Option<int>("--limit") { Description = "Most documents to show", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List documents with their state and title") { state, limit };

        command.SetPlatformAction(async (ctx, cancellationToken) =>
        {
            var max = ctx.Result.GetValue(limit);
            if (max < 1)
                throw new CliException("--limit must be at least 1", ExitCodes.Usage);
            var filter = ctx.Result.GetValue(state) switch
            {
                "submitted" => DocumentState.Submitted,
                "extracted" => DocumentState.Extracted,
                "failed" => DocumentState.Failed,
                _ => DocumentState.Unspecified,
            };

            using var client = ctx.Connect(connection);
            var documents = new List<DocumentSummary>();
            var token = "";
            do
            {
                var request = new ListDocumentsRequest { PageSize = Math.Min(500, max - documents.Count), PageToken = token, State = filter };
                var page = await client.Query.ListDocumentsAsync(request, client.Call(cancellationToken, TimeSpan.FromSeconds(30)));
                documents.AddRange(page.Documents);
                token = page.NextPageToken;
            }
            while (token.Length > 0 && documents.Count < max);

            if (documents.Count == 0)
            {
                ctx.Console.WriteLine("No documents.");
                return ExitCodes.Success;
            }

            ctx.Console.Write(DocumentsTable(documents.Take(max)));
            return ExitCodes.Success;
        });
        return command;
    }

    public static Table DocumentsTable(IEnumerable<DocumentSummary> documents)
    {
        var table = new Table().AddColumns(new TableColumn("Id").NoWrap(), new TableColumn("State").NoWrap(), new TableColumn("Title"), new TableColumn("File"), new TableColumn("Submitted").NoWrap());
        foreach (var s in documents)
        {
            var d = s.Document ?? new Document();
            table.AddRow(Markup.Escape(d.Id), Formatting.StateMarkup(d.State), Markup.Escape(s.Title), Markup.Escape(d.FileName), Formatting.Time(d.SubmittedAt));
        }

        return table;
    }
}
