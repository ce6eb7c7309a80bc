using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Spectre.Console;

namespace Platform.Cli.Commands;

/// <summary>Text the commands print; pure functions so the tests can pin the format down.</summary>
internal static partial class Formatting
{
    /// <summary>proto3 JSON (the field names of shared/eval FORMAT.md), indented for reading.</summary>
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation("  "));

    public static string ToJson(IMessage message) => Json.Format(message);

    /// <summary>"error: NotFound: document x not found", plus a hint for the two mistakes users make most.</summary>
    public static string RpcError(RpcException e, PlatformEndpoints? endpoints = null)
    {
        var detail = string.IsNullOrWhiteSpace(e.Status.Detail) ? "(no message)" : e.Status.Detail;
        // A connection failure's detail is generic ("Error connecting to subchannel."); the socket error names the address.
        if (e.StatusCode == StatusCode.Unavailable && e.Status.DebugException is { } cause && !detail.Contains(cause.Message, StringComparison.Ordinal))
            detail = $"{detail} ({cause.Message})";
        var line = $"error: {e.StatusCode}: {detail}";
        return e.StatusCode switch
        {
            StatusCode.Unavailable => line + Environment.NewLine + $"hint: is the platform running at {Where(endpoints)}? (--server, or PLATFORM_SERVER)",
            StatusCode.Unauthenticated => line + Environment.NewLine + "hint: pass a key the server knows (--api-key, or PLATFORM_API_KEY)",
            _ => line,
        };
    }

    private static string Where(PlatformEndpoints? endpoints) => endpoints switch
    {
        null => "that address",
        _ when endpoints.Ingest == endpoints.Query => endpoints.Query.ToString(),
        _ => $"{endpoints.Ingest} (ingest) and {endpoints.Query} (query)",
    };

    public static string State(DocumentState state) => state switch
    {
        DocumentState.Submitted => "submitted",
        DocumentState.Extracted => "extracted",
        DocumentState.Failed => "failed",
        _ => "unknown",
    };

    public static string StateMarkup(DocumentState state) => state switch
    {
        DocumentState.Extracted => "[green]extracted[/]",
        DocumentState.Failed => "[red]failed[/]",
        DocumentState.Submitted => "[yellow]submitted[/]",
        _ => "unknown",
    };

    public static bool IsTerminal(DocumentState state) => state is DocumentState.Extracted or DocumentState.Failed;

    public static string Time(Timestamp? timestamp) =>
        timestamp is null ? "" : timestamp.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MiB"),
    };

    /// <summary>Three decimals; tiny non-zero scores (bm25 on a corpus of a few documents) keep three significant digits.</summary>
    public static string Score(double score) =>
        score != 0 && Math.Abs(score) < 0.001 ? score.ToString("0.##E+0", CultureInfo.InvariantCulture) : score.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>
    /// One line per event, cursor first so a user (or a script: <c>tail -1 | cut -f1</c>) can resume with --cursor.
    /// Tab-separated: cursor, time, kind, document id, detail.
    /// </summary>
    public static string EventLine(WatchEventsResponse e)
    {
        var (kind, documentId, detail) = e.EventCase switch
        {
            WatchEventsResponse.EventOneofCase.Submitted => ("submitted", e.Submitted.DocumentId, e.Submitted.FileName),
            WatchEventsResponse.EventOneofCase.Extracted => ("extracted", e.Extracted.DocumentId, e.Extracted.Extraction?.Title ?? ""),
            WatchEventsResponse.EventOneofCase.Failed => ("failed", e.Failed.DocumentId, e.Failed.Reason),
            _ => ("unknown", "", ""),
        };
        return string.Join('\t', e.Cursor, Time(e.OccurredAt), kind, documentId, OneLine(detail));
    }

    /// <summary>Search snippets mark matches as **word**: shown bold, everything else escaped.</summary>
    public static string SnippetMarkup(string snippet) =>
        SnippetMatch().Replace(Markup.Escape(OneLine(snippet)), m => $"[bold yellow]{m.Groups[1].Value}[/]");

    /// <summary>The snippet as plain text, without match marks.</summary>
    public static string SnippetText(string snippet) => SnippetMatch().Replace(OneLine(snippet), m => m.Groups[1].Value);

    public static string OneLine(string text) => WhiteSpace().Replace(text, " ").Trim();

    public static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex SnippetMatch();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
