using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Documents;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>SubmitDocument over real HTTP/2 against the running app with the in-memory bus.</summary>
public sealed class SubmitDocumentTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private IngestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<SubmitDocumentResponse> Submit(SubmitDocumentRequest request, string key = IngestApp.KeyA) =>
        App.Client.SubmitDocumentAsync(request, IngestApp.As(key), cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task SubmitDocument_NewText_ReturnsIdAndPublishesDocumentSubmitted()
    {
        var text = IngestAppFixture.UniqueText();

        var response = await Submit(new SubmitDocumentRequest { Text = text, FileName = "harbour.txt", ExternalId = "cms-41" });

        Assert.StartsWith("doc_", response.DocumentId, StringComparison.Ordinal);
        Assert.False(response.Duplicate);
        Assert.Equal(DocumentState.Submitted, response.State);
        Assert.Equal(DocumentIngestor.Hash(Samples.Utf8(text)), response.ContentHash);

        var evt = await App.Submitted.WaitForAsync(response.DocumentId);
        Assert.Equal(IngestApp.TenantA, evt.Tenant);
        Assert.Equal(response.ContentHash, evt.ContentHash);
        Assert.Equal("text/plain", evt.MediaType);
        Assert.Equal("harbour.txt", evt.FileName);
        Assert.Equal("cms-41", evt.ExternalId);
        Assert.Equal(Samples.Utf8(text).Length, evt.SizeBytes);
        Assert.True(Guid.TryParse(evt.EventId, out _));
        Assert.NotNull(evt.OccurredAt);
    }

    [Fact]
    public async Task SubmitDocument_SameContentTwice_ReturnsSameIdAndPublishesOneEvent()
    {
        var content = ByteString.CopyFromUtf8(IngestAppFixture.UniqueText());
        var first = await Submit(new SubmitDocumentRequest { Content = content });
        await App.Submitted.WaitForAsync(first.DocumentId);

        var second = await Submit(new SubmitDocumentRequest { Content = content, FileName = "renamed.txt" });

        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.True(second.Duplicate);
        Assert.Equal(first.ContentHash, second.ContentHash);
        // A later document's event proves the relay ran past anything the duplicate could have queued.
        var marker = await Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText("marker") });
        await App.Submitted.WaitForAsync(marker.DocumentId);
        await WaitForEmptyOutbox();
        Assert.Single(App.Submitted.For(first.DocumentId));
    }

    [Fact]
    public async Task SubmitDocument_SameContentFromAnotherTenant_GetsItsOwnDocument()
    {
        var text = IngestAppFixture.UniqueText();

        var a = await Submit(new SubmitDocumentRequest { Text = text });
        var b = await Submit(new SubmitDocumentRequest { Text = text }, IngestApp.KeyB);

        Assert.NotEqual(a.DocumentId, b.DocumentId);
        Assert.False(b.Duplicate);
        Assert.Equal(IngestApp.TenantB, (await App.Submitted.WaitForAsync(b.DocumentId)).Tenant);
    }

    [Fact]
    public async Task SubmitDocument_WithoutPayload_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentRequest { FileName = "nothing.txt" }));
    }

    [Fact]
    public async Task SubmitDocument_EmptyBytes_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentRequest { Content = ByteString.Empty }));
    }

    [Fact]
    public async Task SubmitDocument_EmptyText_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentRequest { Text = "" }));
    }

    [Fact]
    public async Task SubmitDocument_WhenPayloadTooLarge_ReturnsResourceExhausted()
    {
        var content = ByteString.CopyFrom(new byte[IngestAppFixture.MaxDocumentBytes + 1]);

        var ex = await GrpcAssert.Status(StatusCode.ResourceExhausted, () => Submit(new SubmitDocumentRequest { Content = content }));

        Assert.Contains(IngestAppFixture.MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitDocument_AtExactlyTheLimit_IsAccepted()
    {
        var content = new byte[IngestAppFixture.MaxDocumentBytes];
        Guid.NewGuid().TryWriteBytes(content);

        var response = await Submit(new SubmitDocumentRequest { Content = ByteString.CopyFrom(content) });

        Assert.False(response.Duplicate);
    }

    [Fact]
    public async Task SubmitDocument_WithoutApiKey_ReturnsUnauthenticated()
    {
        await GrpcAssert.Status(StatusCode.Unauthenticated,
            () => App.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() }, cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task SubmitDocument_WithUnknownApiKey_ReturnsUnauthenticated()
    {
        await GrpcAssert.Status(StatusCode.Unauthenticated, () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() }, "no-such-key"));
    }

    [Fact]
    public async Task SubmitDocument_WithServiceKey_ReturnsPermissionDenied()
    {
        await GrpcAssert.Status(StatusCode.PermissionDenied, () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() }, IngestApp.ServiceKey));
    }

    [Fact]
    public async Task SubmitDocument_RetriedWithSameIdempotencyKey_ReturnsTheFirstAnswer()
    {
        var key = "req-" + Guid.NewGuid().ToString("N");
        var text = IngestAppFixture.UniqueText();
        var first = await Submit(new SubmitDocumentRequest { Text = text, IdempotencyKey = key });

        var retry = await Submit(new SubmitDocumentRequest { Text = text, IdempotencyKey = key });

        Assert.Equal(first.DocumentId, retry.DocumentId);
        Assert.Equal(first.ContentHash, retry.ContentHash);
        Assert.True(retry.Duplicate);
    }

    [Fact]
    public async Task SubmitDocument_SameIdempotencyKeyWithOtherContent_ReturnsAlreadyExists()
    {
        var key = "req-" + Guid.NewGuid().ToString("N");
        var first = await Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key });

        var ex = await GrpcAssert.Status(StatusCode.AlreadyExists,
            () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key }));

        Assert.Contains(first.DocumentId, ex.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitDocument_SameIdempotencyKeyFromAnotherTenant_IsNotShared()
    {
        var key = "req-" + Guid.NewGuid().ToString("N");
        var a = await Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key });

        var b = await Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key }, IngestApp.KeyB);

        Assert.NotEqual(a.DocumentId, b.DocumentId);
        Assert.False(b.Duplicate);
    }

    [Fact]
    public async Task SubmitDocument_HtmlWithoutMediaType_IsStoredAsHtml()
    {
        var html = $"<!DOCTYPE html><html><head><title>{Guid.NewGuid()}</title></head><body><p>{Samples.Ferry}</p></body></html>";

        var response = await Submit(new SubmitDocumentRequest { Text = html });

        Assert.Equal("text/html", await StoredMediaType(response.DocumentId));
    }

    [Fact]
    public async Task SubmitDocument_PdfFileNameWithoutMediaType_IsStoredAsPdf()
    {
        var response = await Submit(new SubmitDocumentRequest { Content = ByteString.CopyFromUtf8(IngestAppFixture.UniqueText()), FileName = "Report.PDF" });

        Assert.Equal("application/pdf", await StoredMediaType(response.DocumentId));
    }

    [Fact]
    public async Task SubmitDocument_WithMediaType_KeepsItNormalised()
    {
        var response = await Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), MediaType = " Text/HTML; charset=windows-1252 ", FileName = "a.txt" });

        Assert.Equal("text/html; charset=windows-1252", await StoredMediaType(response.DocumentId));
    }

    [Fact]
    public async Task SubmitDocument_MalformedMediaType_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), MediaType = "plain text" }));
    }

    [Fact]
    public async Task SubmitDocument_ControlCharacterInFileName_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), FileName = "a\0b.txt" }));
    }

    [Fact]
    public async Task SubmitDocument_OverlongIdempotencyKey_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument,
            () => Submit(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = new string('k', DocumentIngestor.MaxIdempotencyKeyLength + 1) }));
    }

    private async Task<string> StoredMediaType(string documentId)
    {
        var response = await App.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = documentId }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);
        return response.Document.MediaType;
    }

    private async Task WaitForEmptyOutbox()
    {
        var store = App.Services.GetRequiredService<IDocumentStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await store.CountPendingOutboxAsync(Ct) > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The outbox did not drain within 30s");
            await Task.Delay(25, Ct);
        }
    }
}
