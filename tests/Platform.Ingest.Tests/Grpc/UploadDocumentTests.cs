using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>UploadDocument: client streaming, metadata first, then chunks; size enforced while streaming.</summary>
public sealed class UploadDocumentTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private const int ChunkSize = 64 * 1024;

    private IngestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static byte[] RandomContent(int size)
    {
        var content = new byte[size];
        Random.Shared.NextBytes(content);
        return content;
    }

    private async Task<UploadDocumentResponse> Upload(IEnumerable<UploadDocumentRequest> messages, string key = IngestApp.KeyA)
    {
        using var call = App.Client.UploadDocument(IngestApp.As(key), cancellationToken: Ct);
        try
        {
            foreach (var message in messages)
                await call.RequestStream.WriteAsync(message, Ct);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server may end the call before the client has written everything; its status is the answer.
        }
        catch (InvalidOperationException)
        {
            // Writing after the server completed the call.
        }

        return await call.ResponseAsync;
    }

    private static IEnumerable<UploadDocumentRequest> Messages(DocumentMetadata? metadata, byte[] content)
    {
        if (metadata is not null)
            yield return new UploadDocumentRequest { Metadata = metadata };
        for (var offset = 0; offset < content.Length; offset += ChunkSize)
            yield return new UploadDocumentRequest { Chunk = ByteString.CopyFrom(content, offset, Math.Min(ChunkSize, content.Length - offset)) };
    }

    [Fact]
    public async Task UploadDocument_MultiMegabyteDocument_StoresItWhole()
    {
        var content = RandomContent(5 * 1024 * 1024 + 123);

        var response = await Upload(Messages(new DocumentMetadata { FileName = "archive.bin", ExternalId = "big-1" }, content));

        Assert.False(response.Duplicate);
        Assert.Equal(content.Length, response.SizeBytes);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), response.ContentHash);
        var stored = await App.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = response.DocumentId }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);
        Assert.Equal(content, stored.Content.ToByteArray());
        Assert.Equal("application/octet-stream", stored.Document.MediaType);
        var evt = await App.Submitted.WaitForAsync(response.DocumentId);
        Assert.Equal(content.Length, evt.SizeBytes);
    }

    [Fact]
    public async Task UploadDocument_SameContentAsAnEarlierSubmit_ReturnsTheSameDocument()
    {
        var content = Samples.Utf8(IngestAppFixture.UniqueText());
        var submitted = await App.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Content = ByteString.CopyFrom(content) }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);

        var uploaded = await Upload(Messages(new DocumentMetadata { MediaType = "text/plain" }, content));

        Assert.Equal(submitted.DocumentId, uploaded.DocumentId);
        Assert.True(uploaded.Duplicate);
    }

    [Fact]
    public async Task UploadDocument_RetriedWithSameIdempotencyKey_ReturnsTheFirstAnswer()
    {
        var content = RandomContent(200_000);
        var metadata = new DocumentMetadata { IdempotencyKey = "upload-" + Guid.NewGuid().ToString("N") };
        var first = await Upload(Messages(metadata, content));

        var retry = await Upload(Messages(metadata, content));

        Assert.Equal(first.DocumentId, retry.DocumentId);
        Assert.True(retry.Duplicate);
    }

    [Fact]
    public async Task UploadDocument_HtmlWithoutMediaType_IsSniffed()
    {
        var html = Samples.Utf8($"<html><body><h1>{Guid.NewGuid()}</h1><p>{Samples.Harbour}</p></body></html>");

        var response = await Upload(Messages(new DocumentMetadata(), html));

        var stored = await App.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = response.DocumentId }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);
        Assert.Equal("text/html", stored.Document.MediaType);
    }

    [Fact]
    public async Task UploadDocument_OverTheLimit_ReturnsResourceExhausted()
    {
        var content = RandomContent(IngestAppFixture.MaxDocumentBytes + ChunkSize);

        await GrpcAssert.Status(StatusCode.ResourceExhausted, () => Upload(Messages(new DocumentMetadata(), content)));
    }

    [Fact]
    public async Task UploadDocument_FirstMessageIsAChunk_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Upload(Messages(null, RandomContent(1000))));
    }

    [Fact]
    public async Task UploadDocument_NoMessages_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Upload([]));
    }

    [Fact]
    public async Task UploadDocument_MetadataOnly_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Upload(Messages(new DocumentMetadata { FileName = "empty.txt" }, [])));
    }

    [Fact]
    public async Task UploadDocument_SecondMetadataMessage_ReturnsInvalidArgument()
    {
        var messages = Messages(new DocumentMetadata(), RandomContent(1000)).Append(new UploadDocumentRequest { Metadata = new DocumentMetadata() });

        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Upload(messages));
    }

    [Fact]
    public async Task UploadDocument_MalformedMediaType_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Upload(Messages(new DocumentMetadata { MediaType = "html" }, RandomContent(100))));
    }

    [Fact]
    public async Task UploadDocument_WithoutApiKey_ReturnsUnauthenticated()
    {
        await GrpcAssert.Status(StatusCode.Unauthenticated, async () =>
        {
            using var call = App.Client.UploadDocument(cancellationToken: Ct);
            try
            {
                await call.RequestStream.WriteAsync(new UploadDocumentRequest { Metadata = new DocumentMetadata() }, Ct);
                await call.RequestStream.CompleteAsync();
            }
            catch (RpcException)
            {
            }

            await call.ResponseAsync;
        });
    }
}
