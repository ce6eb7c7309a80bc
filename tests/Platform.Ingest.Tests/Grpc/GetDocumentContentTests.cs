using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>GetDocumentContent: the claim check Extraction redeems; tenants see only their own documents.</summary>
public sealed class GetDocumentContentTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private IngestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Id, byte[] Content)> SubmitAsA(string fileName = "harbour.txt")
    {
        var content = Samples.Utf8(IngestAppFixture.UniqueText());
        var response = await App.Client.SubmitDocumentAsync(
            new SubmitDocumentRequest { Content = ByteString.CopyFrom(content), FileName = fileName, ExternalId = "ext-7" },
            IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);
        return (response.DocumentId, content);
    }

    private Task<GetDocumentContentResponse> Get(string id, string key) =>
        App.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = id }, IngestApp.As(key), cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task GetDocumentContent_OwnDocument_ReturnsTheOriginalBytesAndMetadata()
    {
        var (id, content) = await SubmitAsA();

        var response = await Get(id, IngestApp.KeyA);

        Assert.Equal(content, response.Content.ToByteArray());
        Assert.Equal(id, response.Document.Id);
        Assert.Equal(IngestApp.TenantA, response.Document.Tenant);
        Assert.Equal("harbour.txt", response.Document.FileName);
        Assert.Equal("ext-7", response.Document.ExternalId);
        Assert.Equal("text/plain", response.Document.MediaType);
        Assert.Equal(content.Length, response.Document.SizeBytes);
        Assert.Equal(DocumentState.Submitted, response.Document.State);
        Assert.Equal(Platform.Ingest.Documents.DocumentIngestor.Hash(content), response.Document.ContentHash);
        Assert.InRange(response.Document.SubmittedAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task GetDocumentContent_OtherTenantsDocument_ReturnsNotFound()
    {
        var (id, _) = await SubmitAsA();

        await GrpcAssert.Status(StatusCode.NotFound, () => Get(id, IngestApp.KeyB));
    }

    [Fact]
    public async Task GetDocumentContent_WithServiceKey_ReadsAnyTenantsDocument()
    {
        var (id, content) = await SubmitAsA();

        var response = await Get(id, IngestApp.ServiceKey);

        Assert.Equal(content, response.Content.ToByteArray());
        Assert.Equal(IngestApp.TenantA, response.Document.Tenant);
    }

    [Fact]
    public async Task GetDocumentContent_UnknownId_ReturnsNotFound()
    {
        await GrpcAssert.Status(StatusCode.NotFound, () => Get("doc_00000000000000000000000000", IngestApp.KeyA));
    }

    [Fact]
    public async Task GetDocumentContent_EmptyId_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Get("", IngestApp.KeyA));
    }

    [Fact]
    public async Task GetDocumentContent_WithoutApiKey_ReturnsUnauthenticated()
    {
        var (id, _) = await SubmitAsA();

        await GrpcAssert.Status(StatusCode.Unauthenticated,
            () => App.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = id }, cancellationToken: Ct).ResponseAsync);
    }
}
