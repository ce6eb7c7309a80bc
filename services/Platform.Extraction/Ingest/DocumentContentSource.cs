using Grpc.Core;
using Microsoft.Extensions.Options;
using Platform.Contracts.Ingest.V1;
using Platform.ServiceDefaults;

namespace Platform.Extraction.Ingest;

/// <summary>Where the consumer gets a document's original bytes (the claim check).</summary>
public interface IDocumentContentSource
{
    /// <summary>The document and its bytes; throws <see cref="RpcException"/> with Ingest's status on failure.</summary>
    Task<GetDocumentContentResponse> GetAsync(string documentId, CancellationToken cancellationToken);
}

/// <summary>Ingest's GetDocumentContent over gRPC with the service key and a deadline.</summary>
public sealed class IngestContentSource(
    IngestService.IngestServiceClient client,
    IOptionsMonitor<IngestServiceOptions> services,
    IOptionsMonitor<ExtractionOptions> options) : IDocumentContentSource
{
    public async Task<GetDocumentContentResponse> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        var headers = PlatformGrpc.ApiKeyMetadata(services.CurrentValue.ApiKey ?? "");
        var deadline = DateTime.UtcNow + options.CurrentValue.IngestTimeout;
        return await client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = documentId }, headers, deadline, cancellationToken);
    }
}
