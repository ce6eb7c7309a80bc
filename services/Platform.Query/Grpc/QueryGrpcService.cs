using System.Data.Common;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Query.V1;
using Platform.Query.Consumers;
using Platform.Query.Storage;
using Platform.ServiceDefaults;

namespace Platform.Query.Grpc;

/// <summary>Reads of the read model; every call is scoped to the caller's tenant.</summary>
public sealed class QueryGrpcService(
    IQueryStore store,
    QueryEventNotifier notifier,
    IOptions<QueryOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<QueryGrpcService> logger) : QueryService.QueryServiceBase
{
    public override async Task<GetDocumentResponse> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        if (string.IsNullOrWhiteSpace(request.DocumentId))
            throw Invalid("document_id is required");

        // Another tenant's document is indistinguishable from a missing one: NotFound either way.
        var stored = await Guard(() => store.GetDocumentAsync(tenant, request.DocumentId, context.CancellationToken))
                     ?? throw new RpcException(new Status(StatusCode.NotFound, $"Document '{request.DocumentId}' not found"));
        var response = new GetDocumentResponse { Document = stored.Document };
        if (stored.Extraction is not null)
            response.Extraction = stored.Extraction;
        return response;
    }

    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        var pageSize = PageSize(request.PageSize);
        long? afterKey = null;
        if (request.PageToken.Length > 0)
        {
            if (!PageTokens.TryParseList(request.PageToken, out var key))
                throw Invalid("page_token is not a token this service issued");
            afterKey = key;
        }

        if (request.State != DocumentState.Unspecified && !System.Enum.IsDefined(request.State))
            throw Invalid($"Unknown state {(int)request.State}");
        DocumentState? state = request.State == DocumentState.Unspecified ? null : request.State;

        var page = await Guard(() => store.ListDocumentsAsync(tenant, state, pageSize, afterKey, context.CancellationToken));
        var response = new ListDocumentsResponse
        {
            NextPageToken = page.NextAfterKey is { } next ? PageTokens.ForList(next) : "",
        };
        response.Documents.AddRange(page.Documents.Select(Summary));
        return response;
    }

    public override async Task<SearchDocumentsResponse> SearchDocuments(SearchDocumentsRequest request, ServerCallContext context)
    {
        var tenant = Tenant(context);
        if (request.Query.Length > options.Value.MaxQueryLength)
            throw Invalid($"query is longer than {options.Value.MaxQueryLength} characters");
        var query = FullTextQuery.Parse(request.Query)
                    ?? throw Invalid("query must contain at least one word (letters or digits)");
        var pageSize = PageSize(request.PageSize);
        var offset = 0;
        if (request.PageToken.Length > 0 && !PageTokens.TryParseSearch(request.PageToken, query.Fingerprint(), out offset))
            throw Invalid("page_token is not a token this service issued for this query");

        var page = await Guard(() => store.SearchAsync(tenant, query, pageSize, offset, context.CancellationToken));
        var response = new SearchDocumentsResponse
        {
            NextPageToken = page.HasMore ? PageTokens.ForSearch(offset + page.Hits.Count, query.Fingerprint()) : "",
        };
        response.Hits.AddRange(page.Hits.Select(h => new SearchHit { Document = Summary(h.Document), Score = h.Score, Snippet = h.Snippet }));
        return response;
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream, ServerCallContext context)
    {
        var tenant = Tenant(context);
        long cursor;
        if (request.Cursor.Length > 0)
        {
            if (!EventCursor.TryParse(request.Cursor, out cursor))
                throw Invalid("cursor is not a cursor this service issued");
            // A cursor from the future (e.g. the read model was rebuilt) would silently skip events until the log caught up.
            var last = await Guard(() => store.GetLastSequenceAsync(context.CancellationToken));
            if (cursor > last)
                throw Invalid($"cursor {cursor} is ahead of the event log (last {last}); resume with from_beginning");
        }
        else
        {
            cursor = request.FromBeginning ? 0 : await Guard(() => store.GetLastSequenceAsync(context.CancellationToken));
        }

        // Streams end with the host too, so a shutdown does not wait for clients to hang up.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        var poll = options.Value.WatchPollInterval > TimeSpan.Zero ? options.Value.WatchPollInterval : TimeSpan.FromSeconds(2);
        var batchSize = Math.Clamp(options.Value.WatchBatchSize, 1, 10_000);

        // Headers go out once the starting point is fixed: a client that saw them will receive anything committed later.
        await context.WriteResponseHeadersAsync([]);
        logger.LogInformation("Watch for tenant {Tenant} from #{Cursor}", tenant, cursor);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Take the signal before reading: a commit between the read and the wait still wakes this loop.
                var signal = notifier.Next;
                var batch = await store.ReadEventsAsync(tenant, cursor, batchSize, cancellationToken);
                foreach (var stored in batch)
                {
                    await responseStream.WriteAsync(ToResponse(stored), cancellationToken);
                    cursor = stored.Sequence;
                }

                if (batch.Count < batchSize)
                    await Task.WhenAny(signal, Task.Delay(poll, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away or the host is stopping: the stream simply ends; the client resumes from its cursor.
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "Watch for tenant {Tenant} stopped at #{Cursor}: the store failed", tenant, cursor);
            throw new RpcException(new Status(StatusCode.Unavailable, "The query store is unavailable; resume from the last cursor"));
        }
    }

    private static WatchEventsResponse ToResponse(StoredEvent stored)
    {
        var response = new WatchEventsResponse
        {
            Cursor = EventCursor.Format(stored.Sequence),
            OccurredAt = Timestamp.FromDateTimeOffset(stored.OccurredAt),
        };
        switch (QueryEvent.Parse(stored.EventType, stored.Payload))
        {
            case DocumentSubmitted submitted:
                response.Submitted = submitted;
                break;
            case DocumentExtracted extracted:
                response.Extracted = extracted;
                break;
            case ExtractionFailed failed:
                response.Failed = failed;
                break;
        }

        return response;
    }

    private static DocumentSummary Summary(StoredDocument stored) => new()
    {
        Document = stored.Document,
        Title = stored.Title,
        PublishedAt = stored.PublishedAt,
        Source = stored.Source,
    };

    private static string Tenant(ServerCallContext context)
    {
        var caller = context.GetCaller();
        // The Query API has no tenant parameter: a service key would have nothing to scope its reads to.
        if (caller.IsService)
            throw new RpcException(new Status(StatusCode.PermissionDenied, "Query reads are per tenant: call with a tenant API key"));
        return caller.TenantId;
    }

    private static int PageSize(int requested) => requested switch
    {
        < 0 => throw Invalid("page_size must not be negative"),
        0 => QueryOptions.DefaultPageSize,
        _ => Math.Min(requested, QueryOptions.MaxPageSize),
    };

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));

    private async Task<T> Guard<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (DbException ex)
        {
            logger.LogWarning(ex, "Query store read failed");
            throw new RpcException(new Status(StatusCode.Unavailable, "The query store is unavailable; retry later"));
        }
    }
}
