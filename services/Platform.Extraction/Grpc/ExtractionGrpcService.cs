using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Extraction.V1;
using Platform.Extraction.Consumers;
using Platform.Extraction.Engine;
using Platform.ServiceDefaults;

namespace Platform.Extraction.Grpc;

/// <summary>Ad-hoc extraction: runs the engine on the request's text or bytes and stores nothing.</summary>
public sealed class ExtractionGrpcService(GuardedExtractor extractor, ILogger<ExtractionGrpcService> logger) : ExtractionService.ExtractionServiceBase
{
    public override async Task<ExtractResponse> Extract(ExtractRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        byte[] content;
        var mediaType = request.MediaType;
        switch (request.PayloadCase)
        {
            case ExtractRequest.PayloadOneofCase.Text when !string.IsNullOrWhiteSpace(request.Text):
                content = System.Text.Encoding.UTF8.GetBytes(request.Text);
                // The text travels as UTF-8 bytes, so say so: the engine must not guess another charset.
                if (string.IsNullOrWhiteSpace(mediaType))
                    mediaType = "text/plain; charset=utf-8";
                else if (!mediaType.Contains("charset", StringComparison.OrdinalIgnoreCase))
                    mediaType += "; charset=utf-8";
                break;
            case ExtractRequest.PayloadOneofCase.Content when !request.Content.IsEmpty:
                content = request.Content.ToByteArray();
                break;
            default:
                throw new RpcException(new Status(StatusCode.InvalidArgument, "Send non-empty 'text' or 'content'"));
        }

        try
        {
            var extraction = await extractor.ExtractAsync(content, mediaType, request.FileName, context.CancellationToken);
            if (string.IsNullOrEmpty(extraction.EngineVersion))
                extraction.EngineVersion = extractor.Version;
            return new ExtractResponse { Extraction = extraction };
        }
        catch (ExtractionException ex)
        {
            var status = ex.Code switch
            {
                ExtractionErrorCode.TooLarge => StatusCode.ResourceExhausted,
                ExtractionErrorCode.UnsupportedMediaType => StatusCode.FailedPrecondition,
                _ => StatusCode.InvalidArgument,
            };
            logger.LogInformation("Extract for {Tenant} refused: {ErrorCode} {Reason}", caller.TenantId, ErrorCodes.Of(ex.Code), ex.Reason);
            throw new RpcException(new Status(status, $"{ErrorCodes.Of(ex.Code)}: {ex.Reason}"));
        }
        catch (ExtractionTimeoutException ex)
        {
            throw new RpcException(new Status(StatusCode.DeadlineExceeded, ex.Message));
        }
    }
}
