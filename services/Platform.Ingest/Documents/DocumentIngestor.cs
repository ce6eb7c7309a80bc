using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events.V1;
using Platform.Ingest.Outbox;
using Platform.Ingest.Storage;

namespace Platform.Ingest.Documents;

/// <summary>What the caller said about a document besides its bytes.</summary>
public sealed record SubmissionMetadata(string MediaType, string FileName, string ExternalId, string IdempotencyKey);

/// <summary>The answer to a submission (unary, upload or batch item).</summary>
public sealed record IngestResult(string DocumentId, bool Duplicate, string ContentHash, long SizeBytes);

/// <summary>
/// Validates, hashes, types and stores a document for a tenant, and queues its DocumentSubmitted event in the same
/// transaction. Transport-independent apart from its errors, which are gRPC statuses (the batch turns them into
/// per-item results).
/// </summary>
public sealed class DocumentIngestor(
    IDocumentStore store,
    OutboxSignal outboxSignal,
    IOptionsMonitor<IngestOptions> options,
    TimeProvider time,
    ILogger<DocumentIngestor> logger)
{
    public const int MaxFileNameLength = 1024;
    public const int MaxExternalIdLength = 512;
    public const int MaxIdempotencyKeyLength = 256;
    public const int MaxMediaTypeLength = 255;

    public long MaxDocumentBytes => options.CurrentValue.MaxDocumentBytes;

    /// <summary>Checks the metadata before any byte is read (an upload fails fast).</summary>
    public static void ValidateMetadata(SubmissionMetadata metadata)
    {
        CheckText("media_type", metadata.MediaType, MaxMediaTypeLength);
        CheckText("file_name", metadata.FileName, MaxFileNameLength);
        CheckText("external_id", metadata.ExternalId, MaxExternalIdLength);
        CheckText("idempotency_key", metadata.IdempotencyKey, MaxIdempotencyKeyLength);
        if (metadata.MediaType.Length > 0 && MediaTypes.Normalize(metadata.MediaType) is null)
            throw Invalid($"media_type '{metadata.MediaType}' is not a media type (expected type/subtype, e.g. text/html)");
    }

    /// <summary>Empty → InvalidArgument; over the limit → ResourceExhausted.</summary>
    public static void CheckSize(long size, long maxBytes)
    {
        if (size == 0)
            throw Invalid("The document is empty");
        if (size > maxBytes)
            throw new RpcException(new Status(StatusCode.ResourceExhausted, $"The document is larger than the limit of {maxBytes} bytes"));
    }

    /// <summary>Lower-case hex SHA-256, as Document.content_hash carries it.</summary>
    public static string Hash(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Stores a document whose hash the caller already computed (uploads hash while streaming).</summary>
    public async Task<IngestResult> SubmitAsync(string tenant, byte[] content, string contentHash, SubmissionMetadata metadata, CancellationToken cancellationToken)
    {
        ValidateMetadata(metadata);
        CheckSize(content.LongLength, MaxDocumentBytes);

        var mediaType = MediaTypes.Resolve(metadata.MediaType, metadata.FileName, content);
        var now = time.GetUtcNow();
        var documentId = DocumentIds.New(time);
        var evt = new DocumentSubmitted
        {
            EventId = Guid.CreateVersion7(now).ToString(),
            DocumentId = documentId,
            Tenant = tenant,
            OccurredAt = Timestamp.FromDateTimeOffset(now),
            MediaType = mediaType,
            FileName = metadata.FileName,
            ContentHash = contentHash,
            SizeBytes = content.LongLength,
            ExternalId = metadata.ExternalId,
        };
        var document = new NewDocument(
            documentId, tenant, contentHash, mediaType, metadata.FileName, metadata.ExternalId,
            metadata.IdempotencyKey.Length == 0 ? null : metadata.IdempotencyKey, content, now,
            new OutboxEvent(evt.EventId, DocumentSubmitted.Descriptor.FullName, evt.ToByteArray()));

        SubmitResult result;
        try
        {
            result = await store.SubmitAsync(document, cancellationToken);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            logger.LogError(ex, "Could not store a document for {Tenant}", tenant);
            throw new RpcException(new Status(StatusCode.Unavailable, "The document store is unavailable; retry later"));
        }

        var stored = result.Document;
        switch (result.Status)
        {
            case SubmitStatus.Created:
                outboxSignal.Notify();
                logger.LogInformation("Stored {DocumentId} for {Tenant} ({Bytes} bytes, {MediaType})", stored.Id, tenant, stored.SizeBytes, stored.MediaType);
                return new IngestResult(stored.Id, Duplicate: false, stored.ContentHash, stored.SizeBytes);
            case SubmitStatus.Duplicate:
                logger.LogInformation("Duplicate submission of {DocumentId} for {Tenant}", stored.Id, tenant);
                return new IngestResult(stored.Id, Duplicate: true, stored.ContentHash, stored.SizeBytes);
            default:
                // Returning the first document for different bytes would silently lose the new content.
                throw new RpcException(new Status(StatusCode.AlreadyExists,
                    $"idempotency_key '{metadata.IdempotencyKey}' was already used for different content (document {stored.Id})"));
        }
    }

    private static void CheckText(string field, string value, int maxLength)
    {
        if (value.Length > maxLength)
            throw Invalid($"{field} is longer than {maxLength} characters");
        // NUL cannot be stored in PostgreSQL text, and control characters in metadata are never intended.
        if (value.Any(c => char.IsControl(c)))
            throw Invalid($"{field} contains control characters");
    }

    private static RpcException Invalid(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
