using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Documents;
using Platform.Ingest.Storage;
using Platform.ServiceDefaults;

namespace Platform.Ingest.Grpc;

/// <summary>The IngestService RPCs; every write and read is scoped to the caller's tenant.</summary>
public sealed class IngestGrpcService(
    DocumentIngestor ingestor,
    IDocumentStore store,
    Microsoft.Extensions.Options.IOptionsMonitor<IngestOptions> options,
    ILogger<IngestGrpcService> logger) : IngestService.IngestServiceBase
{
    public override async Task<SubmitDocumentResponse> SubmitDocument(SubmitDocumentRequest request, ServerCallContext context)
    {
        var tenant = WritingTenant(context);
        var result = await SubmitOneAsync(tenant, request, context.CancellationToken);
        return new SubmitDocumentResponse
        {
            DocumentId = result.DocumentId,
            Duplicate = result.Duplicate,
            State = DocumentState.Submitted,
            ContentHash = result.ContentHash,
        };
    }

    public override async Task<UploadDocumentResponse> UploadDocument(IAsyncStreamReader<UploadDocumentRequest> requestStream, ServerCallContext context)
    {
        var tenant = WritingTenant(context);
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct))
            throw Invalid("The upload is empty: send a metadata message, then the content in chunks");
        if (requestStream.Current.PartCase != UploadDocumentRequest.PartOneofCase.Metadata)
            throw Invalid("The first message of an upload must carry the metadata");

        var m = requestStream.Current.Metadata;
        var metadata = new SubmissionMetadata(m.MediaType, m.FileName, m.ExternalId, m.IdempotencyKey);
        DocumentIngestor.ValidateMetadata(metadata);

        // Hash and count while reading: an oversize upload is refused as soon as it crosses the limit.
        var max = ingestor.MaxDocumentBytes;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var buffer = new MemoryStream();
        while (await requestStream.MoveNext(ct))
        {
            var part = requestStream.Current;
            if (part.PartCase != UploadDocumentRequest.PartOneofCase.Chunk)
                throw Invalid("Only the first message of an upload may carry metadata");
            var chunk = part.Chunk.Span;
            if (buffer.Length + chunk.Length > max)
            {
                logger.LogWarning("Upload for {Tenant} refused: more than {Limit} bytes", tenant, max);
                throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The document is larger than the limit of {max} bytes"));
            }

            hash.AppendData(chunk);
            buffer.Write(chunk);
        }

        DocumentIngestor.CheckSize(buffer.Length, max);
        var contentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        // Avoid a second copy of a large document when the buffer happens to be exactly full.
        var content = buffer.Capacity == buffer.Length ? buffer.GetBuffer() : buffer.ToArray();
        var result = await ingestor.SubmitAsync(tenant, content, contentHash, metadata, ct);
        return new UploadDocumentResponse
        {
            DocumentId = result.DocumentId,
            Duplicate = result.Duplicate,
            State = DocumentState.Submitted,
            ContentHash = result.ContentHash,
            SizeBytes = result.SizeBytes,
        };
    }

    public override async Task<SubmitDocumentsResponse> SubmitDocuments(SubmitDocumentsRequest request, ServerCallContext context)
    {
        var tenant = WritingTenant(context);
        if (request.Documents.Count == 0)
            throw Invalid("The batch is empty");
        var maxItems = options.CurrentValue.MaxBatchItems;
        if (request.Documents.Count > maxItems)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The batch has {request.Documents.Count} documents; the limit is {maxItems}"));

        var response = new SubmitDocumentsResponse();
        for (var i = 0; i < request.Documents.Count; i++)
        {
            var item = new SubmitDocumentResult { Index = i };
            try
            {
                var result = await SubmitOneAsync(tenant, request.Documents[i], context.CancellationToken);
                item.DocumentId = result.DocumentId;
                item.Duplicate = result.Duplicate;
            }
            catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
            {
                // One bad item does not fail the others: it gets its own status.
                item.ErrorCode = (int)ex.StatusCode;
                item.ErrorMessage = ex.Status.Detail;
            }

            response.Results.Add(item);
        }

        return response;
    }

    public override async Task<GetDocumentContentResponse> GetDocumentContent(GetDocumentContentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (string.IsNullOrWhiteSpace(request.DocumentId))
            throw Invalid("document_id is required");

        StoredDocument? stored;
        try
        {
            // A service key (Extraction) reads any tenant's document; a tenant only its own.
            stored = await store.GetAsync(caller.IsService ? null : caller.TenantId, request.DocumentId, includeContent: true, context.CancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogError(ex, "Could not read {DocumentId}", request.DocumentId);
            throw new RpcException(new Status(StatusCode.Unavailable, "The document store is unavailable; retry later"));
        }

        // Another tenant's document is indistinguishable from a missing one.
        if (stored?.Content is null)
            throw new RpcException(new Status(StatusCode.NotFound, $"Document '{request.DocumentId}' not found"));

        return new GetDocumentContentResponse
        {
            Document = new Document
            {
                Id = stored.Id,
                Tenant = stored.Tenant,
                MediaType = stored.MediaType,
                FileName = stored.FileName,
                ContentHash = stored.ContentHash,
                SizeBytes = stored.SizeBytes,
                State = DocumentState.Submitted,
                SubmittedAt = Timestamp.FromDateTimeOffset(stored.SubmittedAt),
                UpdatedAt = Timestamp.FromDateTimeOffset(stored.SubmittedAt),
                ExternalId = stored.ExternalId,
            },
            Content = UnsafeByteOperations.UnsafeWrap(stored.Content),
        };
    }

    private Task<IngestResult> SubmitOneAsync(string tenant, SubmitDocumentRequest request, CancellationToken cancellationToken)
    {
        var metadata = new SubmissionMetadata(request.MediaType, request.FileName, request.ExternalId, request.IdempotencyKey);
        DocumentIngestor.ValidateMetadata(metadata);
        var max = ingestor.MaxDocumentBytes;
        byte[] content;
        switch (request.PayloadCase)
        {
            case SubmitDocumentRequest.PayloadOneofCase.Content:
                DocumentIngestor.CheckSize(request.Content.Length, max);
                content = request.Content.ToByteArray();
                break;
            case SubmitDocumentRequest.PayloadOneofCase.Text:
                // Text travels as UTF-8; the limit applies to the stored bytes.
                var byteCount = System.Text.Encoding.UTF8.GetByteCount(request.Text);
                DocumentIngestor.CheckSize(byteCount, max);
                content = System.Text.Encoding.UTF8.GetBytes(request.Text);
                break;
            default:
                throw Invalid("The document is empty: set content or text");
        }

        return ingestor.SubmitAsync(tenant, content, DocumentIngestor.Hash(content), metadata, cancellationToken);
    }

    /// <summary>Documents belong to a tenant; a service key acts for no tenant in particular and cannot submit.</summary>
    private static string WritingTenant(ServerCallContext context)
    {
        var caller = context.GetCaller();
        if (caller.IsService)
            throw new RpcException(new Status(StatusCode.PermissionDenied, "A service key cannot submit documents: use a tenant's API key"));
        return caller.TenantId;
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
