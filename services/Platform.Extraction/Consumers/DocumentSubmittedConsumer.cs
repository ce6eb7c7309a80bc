using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using MassTransit;
using Platform.Contracts.Events.V1;
using Platform.Extraction.Engine;
using Platform.Extraction.Ingest;

namespace Platform.Extraction.Consumers;

/// <summary>
/// DocumentSubmitted → fetch the content from Ingest → run the engine → DocumentExtracted, or ExtractionFailed
/// for a permanent failure. Transient failures (Ingest unavailable or slow, broker trouble) are thrown so the
/// bus retries them with exponential backoff; what still fails after the retries lands in the _error queue.
/// Stateless and idempotent (same document, same version → same event id), so replicas compete on one queue.
/// </summary>
public sealed class DocumentSubmittedConsumer(
    IDocumentContentSource contentSource,
    GuardedExtractor extractor,
    TimeProvider time,
    ILogger<DocumentSubmittedConsumer> logger) : IConsumer<DocumentSubmitted>
{
    /// <summary>Receive endpoint (queue) name; Extraction replicas share it.</summary>
    public const string EndpointName = "extraction.document-submitted";

    public async Task Consume(ConsumeContext<DocumentSubmitted> context)
    {
        var submitted = context.Message;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["DocumentId"] = submitted.DocumentId, ["Tenant"] = submitted.Tenant });

        if (string.IsNullOrWhiteSpace(submitted.DocumentId))
        {
            // Nothing to fetch and nobody to tell: retrying cannot help, so acknowledge and say so.
            logger.LogError("Dropped a DocumentSubmitted without a document id (event {EventId})", submitted.EventId);
            return;
        }

        var content = await FetchAsync(context);
        if (content is null)
            return;

        var document = content.Document;
        var mediaType = string.IsNullOrEmpty(document?.MediaType) ? submitted.MediaType : document.MediaType;
        var fileName = string.IsNullOrEmpty(document?.FileName) ? submitted.FileName : document.FileName;
        var bytes = content.Content.ToByteArray();

        var stopwatch = Stopwatch.StartNew();
        Contracts.Documents.V1.Extraction extraction;
        try
        {
            extraction = await extractor.ExtractAsync(bytes, mediaType, fileName, context.CancellationToken);
        }
        catch (ExtractionException ex)
        {
            logger.LogWarning("Extraction of {DocumentId} failed: {ErrorCode} {Reason}", submitted.DocumentId, ErrorCodes.Of(ex.Code), ex.Reason);
            await PublishFailedAsync(context, ErrorCodes.Of(ex.Code), ex.Reason);
            return;
        }
        catch (ExtractionTimeoutException ex)
        {
            // The engine is deterministic: the same bytes would time out again, so this is permanent.
            logger.LogWarning("Extraction of {DocumentId} timed out after {Limit}", submitted.DocumentId, ex.Limit);
            await PublishFailedAsync(context, ErrorCodes.Timeout, ex.Message);
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An engine bug on this input repeats on every retry; fail the document visibly instead of looping.
            logger.LogError(ex, "The engine crashed on {DocumentId}", submitted.DocumentId);
            await PublishFailedAsync(context, ErrorCodes.EngineError, $"the extraction engine failed ({ex.GetType().Name})");
            return;
        }

        stopwatch.Stop();
        if (string.IsNullOrEmpty(extraction.EngineVersion))
            extraction.EngineVersion = extractor.Version;
        await context.Publish(new DocumentExtracted
        {
            EventId = EventId("extracted", submitted.DocumentId, extractor.Version),
            DocumentId = submitted.DocumentId,
            Tenant = submitted.Tenant,
            OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Extraction = extraction,
            EngineVersion = extractor.Version,
            DurationMs = stopwatch.ElapsedMilliseconds,
        }, WithPlatformHeaders<DocumentExtracted>(submitted));
        logger.LogInformation("Extracted {DocumentId} ({Bytes} bytes, {MediaType}) in {DurationMs} ms", submitted.DocumentId, bytes.Length, mediaType, stopwatch.ElapsedMilliseconds);
    }

    /// <summary>The content, or null after publishing ExtractionFailed for a permanent Ingest answer.</summary>
    private async Task<Contracts.Ingest.V1.GetDocumentContentResponse?> FetchAsync(ConsumeContext<DocumentSubmitted> context)
    {
        var submitted = context.Message;
        try
        {
            var content = await contentSource.GetAsync(submitted.DocumentId, context.CancellationToken);
            if (content.Document is not null && !string.IsNullOrEmpty(submitted.Tenant) && content.Document.Tenant != submitted.Tenant)
            {
                logger.LogError("Ingest returned {DocumentId} for tenant {ActualTenant}, the event says {Tenant}", submitted.DocumentId, content.Document.Tenant, submitted.Tenant);
                await PublishFailedAsync(context, ErrorCodes.TenantMismatch, "the stored document belongs to another tenant than the event");
                return null;
            }

            return content;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            logger.LogWarning("Ingest cannot give {DocumentId}: {Status} {Detail}", submitted.DocumentId, ex.StatusCode, ex.Status.Detail);
            await PublishFailedAsync(context,
                ex.StatusCode == StatusCode.NotFound ? ErrorCodes.NotFound : ErrorCodes.InvalidArgument,
                $"Ingest answered {ex.StatusCode}: {ex.Status.Detail}");
            return null;
        }
        catch (RpcException ex)
        {
            // Unavailable, DeadlineExceeded, and also Unauthenticated (a misconfigured service key is fixed by an
            // operator, then the _error queue is replayed): rethrow for the bus retry.
            logger.LogWarning("Ingest call for {DocumentId} failed with {Status}; the bus will retry", submitted.DocumentId, ex.StatusCode);
            throw;
        }
    }

    private Task PublishFailedAsync(ConsumeContext<DocumentSubmitted> context, string errorCode, string reason) =>
        context.Publish(new ExtractionFailed
        {
            EventId = EventId("failed", context.Message.DocumentId, extractor.Version),
            DocumentId = context.Message.DocumentId,
            Tenant = context.Message.Tenant,
            OccurredAt = Timestamp.FromDateTimeOffset(time.GetUtcNow()),
            Reason = reason,
            ErrorCode = errorCode,
            EngineVersion = extractor.Version,
        }, WithPlatformHeaders<ExtractionFailed>(context.Message));

    /// <summary>The same routing headers Ingest puts on DocumentSubmitted, so subscribers can filter without parsing.</summary>
    private static Action<PublishContext<T>> WithPlatformHeaders<T>(DocumentSubmitted submitted)
        where T : class => publish =>
    {
        publish.Headers.Set("platform-tenant", submitted.Tenant);
        publish.Headers.Set("platform-document-id", submitted.DocumentId);
    };

    /// <summary>
    /// A redelivered DocumentSubmitted yields the same event id, so subscribers that dedupe on event id see one
    /// result per document and engine version.
    /// </summary>
    internal static string EventId(string kind, string documentId, string version)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{documentId}\n{version}"));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }
}

/// <summary>Machine-readable ExtractionFailed.error_code values.</summary>
public static class ErrorCodes
{
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Undecodable = "undecodable";
    public const string Empty = "empty";
    public const string TooLarge = "too_large";
    public const string Timeout = "timeout";
    public const string EngineError = "engine_error";
    public const string NotFound = "not_found";
    public const string InvalidArgument = "invalid_argument";
    public const string TenantMismatch = "tenant_mismatch";

    public static string Of(ExtractionErrorCode code) => code switch
    {
        ExtractionErrorCode.UnsupportedMediaType => UnsupportedMediaType,
        ExtractionErrorCode.Undecodable => Undecodable,
        ExtractionErrorCode.Empty => Empty,
        ExtractionErrorCode.TooLarge => TooLarge,
        _ => code.ToString().ToLowerInvariant(),
    };
}
