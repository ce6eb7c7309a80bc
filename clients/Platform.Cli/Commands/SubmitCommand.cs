using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary>The outcome of submitting one file.</summary>
internal sealed record SubmitResult(InputFile File, string? DocumentId, bool Duplicate, string? Error)
{
    public DocumentState State { get; set; } = DocumentState.Submitted;
    public string Title { get; set; } = "";
    public string FailureReason { get; set; } = "";
}

/// <summary><c>platform submit &lt;files|folders&gt; [--wait] [--media-type T]</c></summary>
internal static class SubmitCommand
{
    /// <summary>Files above this size go through the client-streaming UploadDocument.</summary>
    public const long StreamingThreshold = 1024 * 1024;

    public const int ChunkBytes = 256 * 1024;

    // Statuses that will fail every other file as well: stop at the first one instead of repeating it per file.
    private static readonly HashSet<StatusCode> Fatal =
        [StatusCode.Unavailable, StatusCode.Unauthenticated, StatusCode.PermissionDenied, StatusCode.Unimplemented, StatusCode.DeadlineExceeded, StatusCode.Cancelled];

    public static Command Create(ConnectionOptions connection)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to submit (folders are read recursively)", Arity = ArgumentArity.OneOrMore };
        var wait = new Option<bool>("--wait") { Description = "Wait until every document is extracted or failed, then print a table of titles and states" };
        var mediaType = new Option<string?>("--media-type") { Description = "Media type of every file (text/plain, text/html, ...); by default the server guesses from name and content" };
        var timeout = new Option<int>("--timeout") { Description = "With --wait: give up after this many seconds", DefaultValueFactory = _ => 600 };
        var command = new Command("submit", "Submit documents for extraction; prints one document id per file") { paths, wait, mediaType, timeout };

        command.SetPlatformAction(async (ctx, cancellationToken) =>
        {
            var files = FileInputs.Expand(ctx.Result.GetValue(paths) ?? []);
            var waitSeconds = ctx.Result.GetValue(timeout);
            if (waitSeconds <= 0)
                throw new CliException("--timeout must be a positive number of seconds", ExitCodes.Usage);
            using var client = ctx.Connect(connection);

            var results = await SubmitAllAsync(ctx, client, files, ctx.Result.GetValue(mediaType), cancellationToken);
            foreach (var r in results)
            {
                if (r.DocumentId is null)
                    await ctx.Error.WriteLineAsync($"error: {r.File.DisplayPath}: {r.Error}");
                else
                    ctx.Console.WriteLine(SubmitLine(r));
            }

            var exit = results.Any(r => r.DocumentId is null) ? ExitCodes.Error : ExitCodes.Success;
            if (!ctx.Result.GetValue(wait) || results.All(r => r.DocumentId is null))
                return exit;

            var completed = await WaitAsync(ctx, client, results, TimeSpan.FromSeconds(waitSeconds), cancellationToken);
            ctx.Console.Write(ResultTable(results));
            if (!completed)
            {
                await ctx.Error.WriteLineAsync($"error: timed out after {waitSeconds} s with {results.Count(r => r.DocumentId is not null && !Formatting.IsTerminal(r.State))} document(s) not yet extracted");
                return ExitCodes.Error;
            }

            return exit == ExitCodes.Success && results.All(r => r.DocumentId is null || r.State == DocumentState.Extracted) ? ExitCodes.Success : ExitCodes.Error;
        });
        return command;
    }

    /// <summary>"&lt;id&gt;\t&lt;path&gt;" and "\tduplicate" when the tenant had already submitted the same content.</summary>
    public static string SubmitLine(SubmitResult r) => r.Duplicate ? $"{r.DocumentId}\t{r.File.DisplayPath}\tduplicate" : $"{r.DocumentId}\t{r.File.DisplayPath}";

    public static Table ResultTable(IEnumerable<SubmitResult> results)
    {
        var table = new Table().AddColumns(new TableColumn("File"), new TableColumn("Id").NoWrap(), new TableColumn("State").NoWrap(), new TableColumn("Title"));
        foreach (var r in results.Where(r => r.DocumentId is not null))
        {
            var title = r.State == DocumentState.Failed ? $"[red]{Markup.Escape(r.FailureReason)}[/]" : Markup.Escape(r.Title);
            table.AddRow(Markup.Escape(r.File.DisplayPath), Markup.Escape(r.DocumentId!), Formatting.StateMarkup(r.State), title);
        }

        return table;
    }

    private static async Task<List<SubmitResult>> SubmitAllAsync(CommandContext ctx, PlatformClient client, IReadOnlyList<InputFile> files, string? mediaType, CancellationToken cancellationToken)
    {
        var results = new List<SubmitResult>(files.Count);
        if (!ctx.Interactive)
        {
            foreach (var file in files)
                results.Add(await SubmitOneAsync(client, file, mediaType, _ => { }, cancellationToken));
            return results;
        }

        var totalBytes = files.Sum(f => new FileInfo(f.FullPath).Length);
        await ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Submitting {files.Count} file(s)", maxValue: Math.Max(1, totalBytes));
                foreach (var file in files)
                    results.Add(await SubmitOneAsync(client, file, mediaType, bytes => task.Increment(bytes), cancellationToken));
                task.Value = task.MaxValue;
            });
        return results;
    }

    private static async Task<SubmitResult> SubmitOneAsync(PlatformClient client, InputFile file, string? mediaType, Action<long> progress, CancellationToken cancellationToken)
    {
        try
        {
            var length = new FileInfo(file.FullPath).Length;
            var name = Path.GetFileName(file.FullPath);
            if (length > StreamingThreshold)
                return await UploadAsync(client, file, name, mediaType, progress, cancellationToken);

            var request = new SubmitDocumentRequest
            {
                Content = ByteString.CopyFrom(await File.ReadAllBytesAsync(file.FullPath, cancellationToken)),
                FileName = name,
                MediaType = mediaType ?? "",
            };
            var response = await client.Ingest.SubmitDocumentAsync(request, client.Call(cancellationToken, TimeSpan.FromMinutes(2)));
            progress(length);
            return new SubmitResult(file, response.DocumentId, response.Duplicate, null);
        }
        catch (RpcException e) when (!Fatal.Contains(e.StatusCode))
        {
            // One bad file (empty, too large, unreadable) does not stop the others.
            return new SubmitResult(file, null, false, $"{e.StatusCode}: {e.Status.Detail}");
        }
        catch (IOException e)
        {
            return new SubmitResult(file, null, false, e.Message);
        }
    }

    private static async Task<SubmitResult> UploadAsync(PlatformClient client, InputFile file, string name, string? mediaType, Action<long> progress, CancellationToken cancellationToken)
    {
        using var call = client.Ingest.UploadDocument(client.Call(cancellationToken));
        try
        {
            await call.RequestStream.WriteAsync(new UploadDocumentRequest { Metadata = new DocumentMetadata { FileName = name, MediaType = mediaType ?? "" } }, cancellationToken);
            await using var stream = File.OpenRead(file.FullPath);
            var buffer = new byte[ChunkBytes];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await call.RequestStream.WriteAsync(new UploadDocumentRequest { Chunk = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
                progress(read);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The server may end the call early (e.g. ResourceExhausted); its status says why, the write error does not.
            await call.ResponseAsync;
            throw;
        }

        var response = await call.ResponseAsync;
        return new SubmitResult(file, response.DocumentId, response.Duplicate, null);
    }

    /// <summary>Polls Query until every submitted document is EXTRACTED or FAILED; false on timeout.</summary>
    private static async Task<bool> WaitAsync(CommandContext ctx, PlatformClient client, List<SubmitResult> results, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var byId = results.Where(r => r.DocumentId is not null).GroupBy(r => r.DocumentId!).ToDictionary(g => g.Key, g => g.ToList());
        if (!ctx.Interactive)
            return await PollAsync(client, byId, timeout, _ => { }, cancellationToken);

        var done = false;
        await ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"Extracting {byId.Count} document(s)", maxValue: byId.Count);
                done = await PollAsync(client, byId, timeout, finished => task.Value = finished, cancellationToken);
            });
        return done;
    }

    private static async Task<bool> PollAsync(PlatformClient client, Dictionary<string, List<SubmitResult>> byId, TimeSpan timeout, Action<int> progress, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(byId.Keys, StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + timeout;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            // One round asks Query about every pending document, a few at a time, then applies the answers.
            var answers = new System.Collections.Concurrent.ConcurrentBag<(string Id, GetDocumentResponse Response)>();
            await Parallel.ForEachAsync(pending.ToArray(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (id, token) =>
            {
                try
                {
                    answers.Add((id, await client.Query.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, client.Call(token, TimeSpan.FromSeconds(30)))));
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    // Query has not applied DocumentSubmitted yet: the events are asynchronous.
                }
            });

            foreach (var (id, response) in answers)
            {
                foreach (var r in byId[id])
                {
                    r.State = response.Document.State;
                    r.Title = response.Extraction?.Title ?? "";
                    r.FailureReason = response.Document.FailureReason;
                }

                if (Formatting.IsTerminal(response.Document.State))
                    pending.Remove(id);
            }

            progress(byId.Count - pending.Count);
            if (pending.Count == 0)
                return true;
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 1.5, 2000));
        }
    }
}
