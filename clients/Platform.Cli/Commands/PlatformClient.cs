using Grpc.Core;
using Grpc.Net.Client;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;

namespace Platform.Cli.Commands;

/// <summary>gRPC clients for Ingest and Query over plain-text HTTP/2 (or TLS for https:// addresses).</summary>
internal sealed class PlatformClient : IDisposable
{
    // Same cap as the services' default Grpc:MaxMessageBytes, so a large extraction is not refused client-side.
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private readonly GrpcChannel _ingestChannel;
    private readonly GrpcChannel _queryChannel;
    private readonly Metadata _headers;

    public PlatformClient(PlatformEndpoints endpoints)
    {
        Endpoints = endpoints;
        _ingestChannel = Open(endpoints.Ingest);
        _queryChannel = endpoints.Query == endpoints.Ingest ? _ingestChannel : Open(endpoints.Query);
        _headers = new Metadata { { "x-api-key", endpoints.ApiKey } };
        Ingest = new IngestService.IngestServiceClient(_ingestChannel);
        Query = new QueryService.QueryServiceClient(_queryChannel);
    }

    public PlatformEndpoints Endpoints { get; }
    public IngestService.IngestServiceClient Ingest { get; }
    public QueryService.QueryServiceClient Query { get; }

    /// <summary>Call options with the API key; a deadline for calls that should answer promptly.</summary>
    public CallOptions Call(CancellationToken cancellationToken, TimeSpan? timeout = null) =>
        new(_headers, timeout is { } t ? DateTime.UtcNow + t : null, cancellationToken);

    private static GrpcChannel Open(Uri address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = MaxMessageBytes,
        MaxSendMessageSize = MaxMessageBytes,
    });

    public void Dispose()
    {
        _ingestChannel.Dispose();
        if (!ReferenceEquals(_queryChannel, _ingestChannel))
            _queryChannel.Dispose();
    }
}
