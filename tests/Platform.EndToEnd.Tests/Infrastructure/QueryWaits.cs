using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>Bounded waits on what Query reports; the limits only keep a broken run from hanging.</summary>
public static class QueryWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(3);

    public static bool IsTerminal(DocumentState state) => state is DocumentState.Extracted or DocumentState.Failed;

    /// <summary>Polls GetDocument until every id is EXTRACTED or FAILED; returns the last answers.</summary>
    public static async Task<IReadOnlyDictionary<string, GetDocumentResponse>> TerminalAsync(
        QueryService.QueryServiceClient query, string apiKey, IEnumerable<string> documentIds, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var pending = new HashSet<string>(documentIds);
        var answers = new Dictionary<string, GetDocumentResponse>();
        var lastSeen = new Dictionary<string, string>();
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (pending.Count > 0)
        {
            foreach (var id in pending.ToList())
            {
                try
                {
                    var answer = await query.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, DistributedPlatform.As(apiKey), cancellationToken: cancellationToken);
                    lastSeen[id] = answer.Document.State.ToString();
                    if (IsTerminal(answer.Document.State))
                    {
                        answers[id] = answer;
                        pending.Remove(id);
                    }
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
                {
                    // Query has not applied DocumentSubmitted yet
                    lastSeen[id] = "NotFound";
                }
            }

            if (pending.Count == 0)
                break;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(
                    $"{pending.Count} of {answers.Count + pending.Count} documents not EXTRACTED/FAILED after {limit.TotalSeconds:0}s: " +
                    string.Join(", ", pending.Select(id => $"{id}={lastSeen.GetValueOrDefault(id, "?")}")));
            await Task.Delay(300, cancellationToken);
        }

        return answers;
    }

    /// <summary>The document's state as Query reports it; null while Query does not know the document.</summary>
    public static async Task<DocumentState?> StateAsync(QueryService.QueryServiceClient query, string apiKey, string documentId, CancellationToken cancellationToken)
    {
        try
        {
            return (await query.GetDocumentAsync(new GetDocumentRequest { DocumentId = documentId }, DistributedPlatform.As(apiKey), cancellationToken: cancellationToken)).Document.State;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails with <paramref name="what"/> otherwise.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what} after {limit.TotalSeconds:0}s");
            await Task.Delay(200, cancellationToken);
        }
    }
}
