using System.CommandLine;
using Platform.Contracts.Query.V1;

namespace Platform.Cli.Commands;

/// <summary><c>platform watch [--cursor C] [--from-beginning]</c>: the tenant's events as they happen.</summary>
internal static class WatchCommand
{
    public static Command Create(ConnectionOptions connection)
    {
        var cursor = new Option<string?>("--cursor") { Description = "Resume after this event (the first column of a line printed earlier)" };
        var fromBeginning = new Option<bool>("--from-beginning") { Description = "Replay every past event first, then follow live ones" };
        var command = new Command("watch", "Stream events (submitted, extracted, failed); one line per event: cursor, time, kind, document id, detail")
        {
            cursor, fromBeginning,
        };

        command.SetPlatformAction(async (ctx, cancellationToken) =>
        {
            var request = new WatchEventsRequest { Cursor = ctx.Result.GetValue(cursor) ?? "", FromBeginning = ctx.Result.GetValue(fromBeginning) };
            if (request.Cursor.Length > 0 && request.FromBeginning)
                throw new CliException("--cursor and --from-beginning exclude each other", ExitCodes.Usage);

            using var client = ctx.Connect(connection);
            using var call = client.Query.WatchEvents(request, client.Call(cancellationToken));
            var output = ctx.Result.InvocationConfiguration.Output;
            while (await call.ResponseStream.MoveNext(cancellationToken))
            {
                // Plain lines, flushed per event, so `platform watch | while read ...` sees each one at once.
                await output.WriteLineAsync(Formatting.EventLine(call.ResponseStream.Current));
                await output.FlushAsync(cancellationToken);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
