using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

/// <summary>Auth, tenancy and input validation as a client sees them across the separate processes.</summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class TenantIsolationAndValidationTests(DistributedPlatform platform)
{
    private const string KeyA = "e2e-key-a";
    private const string KeyB = "e2e-key-b";

    [Fact]
    public Task GetDocument_OfAnotherTenant_ReturnsNotFound() => platform.RunAsync(async ct =>
    {
        var marker = "Zanzibarquist" + Guid.NewGuid().ToString("N")[..6];
        var request = new SubmitDocumentRequest
        {
            Text = $"Tenant isolation check\n\nThis short note about {marker} belongs to tenant A alone. It mentions the harbour and the ferry timetable.",
            MediaType = "text/plain",
            FileName = "tenant-a-note.txt",
        };
        var submitted = await platform.IngestClient.SubmitDocumentAsync(request, DistributedPlatform.As(KeyA), cancellationToken: ct);
        await QueryWaits.TerminalAsync(platform.QueryClient, KeyA, [submitted.DocumentId], ct);

        var own = await platform.QueryClient.GetDocumentAsync(new GetDocumentRequest { DocumentId = submitted.DocumentId }, DistributedPlatform.As(KeyA), cancellationToken: ct);
        Assert.Equal("tenant-a", own.Document.Tenant);

        var fromQuery = await Assert.ThrowsAsync<RpcException>(() =>
            platform.QueryClient.GetDocumentAsync(new GetDocumentRequest { DocumentId = submitted.DocumentId }, DistributedPlatform.As(KeyB), cancellationToken: ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, fromQuery.StatusCode);

        var fromIngest = await Assert.ThrowsAsync<RpcException>(() =>
            platform.IngestClient.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = submitted.DocumentId }, DistributedPlatform.As(KeyB), cancellationToken: ct).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, fromIngest.StatusCode);

        var searchA = await platform.QueryClient.SearchDocumentsAsync(new SearchDocumentsRequest { Query = marker }, DistributedPlatform.As(KeyA), cancellationToken: ct);
        Assert.Contains(searchA.Hits, h => h.Document.Document.Id == submitted.DocumentId);
        var searchB = await platform.QueryClient.SearchDocumentsAsync(new SearchDocumentsRequest { Query = marker }, DistributedPlatform.As(KeyB), cancellationToken: ct);
        Assert.Empty(searchB.Hits);
        var listB = await platform.QueryClient.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 500 }, DistributedPlatform.As(KeyB), cancellationToken: ct);
        Assert.DoesNotContain(listB.Documents, d => d.Document.Id == submitted.DocumentId);
    });

    [Fact]
    public Task Calls_WithoutOrWithUnknownApiKey_ReturnUnauthenticated() => platform.RunAsync(async ct =>
    {
        var submit = new SubmitDocumentRequest { Text = "Anonymous text that must not be stored.", MediaType = "text/plain" };
        foreach (var headers in new[] { new Metadata(), DistributedPlatform.As("not-a-configured-key") })
        {
            var ingest = await Assert.ThrowsAsync<RpcException>(() => platform.IngestClient.SubmitDocumentAsync(submit, headers, cancellationToken: ct).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, ingest.StatusCode);
            var get = await Assert.ThrowsAsync<RpcException>(() =>
                platform.QueryClient.GetDocumentAsync(new GetDocumentRequest { DocumentId = "anything" }, headers, cancellationToken: ct).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, get.StatusCode);
            var search = await Assert.ThrowsAsync<RpcException>(() =>
                platform.QueryClient.SearchDocumentsAsync(new SearchDocumentsRequest { Query = "text" }, headers, cancellationToken: ct).ResponseAsync);
            Assert.Equal(StatusCode.Unauthenticated, search.StatusCode);
        }
    });

    [Fact]
    public Task SubmitDocument_WhenEmpty_ReturnsInvalidArgument() => platform.RunAsync(async ct =>
    {
        foreach (var request in new[]
                 {
                     new SubmitDocumentRequest { Content = ByteString.Empty, MediaType = "text/plain", FileName = "empty.txt" },
                     new SubmitDocumentRequest { Text = "", MediaType = "text/plain", FileName = "empty.txt" },
                     new SubmitDocumentRequest { MediaType = "text/plain", FileName = "no-payload.txt" },
                 })
        {
            var error = await Assert.ThrowsAsync<RpcException>(() => platform.IngestClient.SubmitDocumentAsync(request, DistributedPlatform.As(KeyA), cancellationToken: ct).ResponseAsync);
            Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace(error.Status.Detail));
        }
    });

    [Fact]
    public Task SubmitDocument_WhenPayloadTooLarge_ReturnsResourceExhausted() => platform.RunAsync(async ct =>
    {
        var before = await platform.QueryClient.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 500 }, DistributedPlatform.As(KeyB), cancellationToken: ct);
        var oversize = new byte[DistributedPlatform.MaxDocumentBytes + 1];
        Array.Fill(oversize, (byte)'a');

        var unary = await Assert.ThrowsAsync<RpcException>(() => platform.IngestClient.SubmitDocumentAsync(
            new SubmitDocumentRequest { Content = ByteString.CopyFrom(oversize), MediaType = "text/plain", FileName = "big.txt" },
            DistributedPlatform.As(KeyB), cancellationToken: ct).ResponseAsync);
        Assert.Equal(StatusCode.ResourceExhausted, unary.StatusCode);

        using var upload = platform.IngestClient.UploadDocument(DistributedPlatform.As(KeyB), cancellationToken: ct);
        RpcException? streamed = null;
        try
        {
            await upload.RequestStream.WriteAsync(new UploadDocumentRequest { Metadata = new DocumentMetadata { MediaType = "text/plain", FileName = "big-upload.txt" } }, ct);
            foreach (var chunk in oversize.Chunk(64 * 1024))
                await upload.RequestStream.WriteAsync(new UploadDocumentRequest { Chunk = ByteString.CopyFrom(chunk) }, ct);
            await upload.RequestStream.CompleteAsync();
            await upload.ResponseAsync;
        }
        catch (RpcException ex)
        {
            // the server may refuse while chunks are still being written; the status then comes from the response
            streamed = ex.StatusCode == StatusCode.ResourceExhausted ? ex : await CaptureAsync(upload.ResponseAsync) ?? ex;
        }
        catch (InvalidOperationException)
        {
            // writing after the server completed the call: the status is on the response
            streamed = await CaptureAsync(upload.ResponseAsync);
        }

        Assert.NotNull(streamed);
        Assert.Equal(StatusCode.ResourceExhausted, streamed.StatusCode);

        // nothing was stored for the refused documents
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var after = await platform.QueryClient.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 500 }, DistributedPlatform.As(KeyB), cancellationToken: ct);
        Assert.Equal(before.Documents.Count, after.Documents.Count);
    });

    private static async Task<RpcException?> CaptureAsync(Task response)
    {
        try
        {
            await response;
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}
