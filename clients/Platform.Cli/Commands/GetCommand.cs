using System.CommandLine;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Platform.Cli.Commands;

/// <summary><c>platform get &lt;id&gt; [--json]</c>: a document's state and its extraction.</summary>
internal static class GetCommand
{
    private const int BodyPreviewChars = 1500;

    public static Command Create(ConnectionOptions connection)
    {
        var id = new Argument<string>("id") { Description = "Document id (as printed by submit, list or search)" };
        var json = new Option<bool>("--json") { Description = "Print the response as proto3 JSON (document and extraction)" };
        var command = new Command("get", "Show a document and its extraction") { id, json };

        command.SetPlatformAction(async (ctx, cancellationToken) =>
        {
            var documentId = ctx.Result.GetValue(id)?.Trim();
            if (string.IsNullOrEmpty(documentId))
                throw new CliException("a document id is required", ExitCodes.Usage);

            using var client = ctx.Connect(connection);
            var response = await client.Query.GetDocumentAsync(new GetDocumentRequest { DocumentId = documentId }, client.Call(cancellationToken, TimeSpan.FromSeconds(30)));
            if (ctx.Result.GetValue(json))
                await ctx.Result.InvocationConfiguration.Output.WriteLineAsync(Formatting.ToJson(response));
            else
                ctx.Console.Write(Render(response));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The human form: metadata grid, then title/date/source, entities, quotes, dates and a body preview.</summary>
    public static IRenderable Render(GetDocumentResponse response)
    {
        var d = response.Document ?? new Document();
        var parts = new List<IRenderable>();
        var meta = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        void Row(string name, string value)
        {
            if (!string.IsNullOrWhiteSpace(value))
                meta.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
        }

        Row("Id", d.Id);
        meta.AddRow(new Markup("[bold]State[/]"), new Markup(Formatting.StateMarkup(d.State)));
        Row("Failure", d.FailureReason);
        Row("File", d.FileName);
        Row("Media type", d.MediaType);
        Row("Size", d.SizeBytes > 0 ? Formatting.Size(d.SizeBytes) : "");
        Row("SHA-256", d.ContentHash);
        Row("External id", d.ExternalId);
        Row("Submitted", Formatting.Time(d.SubmittedAt));
        Row("Updated", Formatting.Time(d.UpdatedAt));

        var x = response.Extraction;
        if (x is not null)
        {
            Row("Title", x.Title);
            Row("Published", x.PublishedAt);
            Row("Source", x.Source);
            Row("Byline", x.Byline);
            Row("Dateline", x.Dateline);
            Row("Language", x.Language);
            Row("Key phrases", string.Join(", ", x.Keyphrases));
            Row("Engine", x.EngineVersion);
        }

        parts.Add(meta);
        if (x is null)
            return new Rows(parts);

        if (x.Entities.Count > 0)
        {
            var entities = new Table().Title("Entities").AddColumns("Name", "Type", "Mentions", "Aliases", "Roles");
            foreach (var e in x.Entities.OrderByDescending(e => e.MentionCount).ThenBy(e => e.Name, StringComparer.Ordinal))
                entities.AddRow(Markup.Escape(e.Name), EntityType(e.Type), e.MentionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", e.Aliases)), Markup.Escape(string.Join("; ", e.Roles)));
            parts.Add(entities);
        }

        if (x.Quotes.Count > 0)
        {
            var quotes = new Table().Title("Quotes").AddColumns("Speaker", "Quote");
            foreach (var q in x.Quotes)
                quotes.AddRow(Markup.Escape(q.Speaker.Length > 0 ? q.Speaker : "(unattributed)"), Markup.Escape(Formatting.Truncate(Formatting.OneLine(q.Text), 200)));
            parts.Add(quotes);
        }

        if (x.Dates.Count > 0)
        {
            var dates = new Table().Title("Dates").AddColumns("Text", "Date");
            foreach (var date in x.Dates)
                dates.AddRow(Markup.Escape(date.Text), Markup.Escape(date.Value));
            parts.Add(dates);
        }

        if (x.Summary.Count > 0)
            parts.Add(new Panel(new Text(string.Join(Environment.NewLine, x.Summary))).Header("Summary"));

        if (x.Body.Length > 0)
        {
            var body = x.Body.Length > BodyPreviewChars
                ? x.Body[..BodyPreviewChars] + $"… ({x.Body.Length - BodyPreviewChars} more characters; --json prints all)"
                : x.Body;
            parts.Add(new Panel(new Text(body)).Header("Body"));
        }

        return new Rows(parts);
    }

    private static string EntityType(EntityType type) => type switch
    {
        Contracts.Documents.V1.EntityType.Person => "person",
        Contracts.Documents.V1.EntityType.Organization => "organization",
        Contracts.Documents.V1.EntityType.Location => "location",
        _ => "other",
    };
}
