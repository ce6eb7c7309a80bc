using Google.Protobuf;
using Grpc.Core;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>SubmitDocuments: a batch where each item gets its own result.</summary>
public sealed class SubmitDocumentsTests(IngestAppFixture fixture) : IClassFixture<IngestAppFixture>
{
    private IngestApp App => fixture.App;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<SubmitDocumentsResponse> Submit(SubmitDocumentsRequest request, string key = IngestApp.KeyA) =>
        App.Client.SubmitDocumentsAsync(request, IngestApp.As(key), cancellationToken: Ct).ResponseAsync;

    [Fact]
    public async Task SubmitDocuments_WithSomeBadItems_StoresTheGoodOnesAndReportsEachBadOne()
    {
        var good = IngestAppFixture.UniqueText();
        var request = new SubmitDocumentsRequest
        {
            Documents =
            {
                new SubmitDocumentRequest { Text = good },
                new SubmitDocumentRequest { Content = ByteString.Empty },
                new SubmitDocumentRequest { Text = good },
                new SubmitDocumentRequest { Content = ByteString.CopyFrom(new byte[IngestAppFixture.MaxDocumentBytes + 1]) },
                new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), MediaType = "not a type" },
                new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), FileName = "b.html" },
            },
        };

        var response = await Submit(request);

        Assert.Equal([0, 1, 2, 3, 4, 5], response.Results.Select(r => r.Index));
        var r = response.Results;
        Assert.Equal(0, r[0].ErrorCode);
        Assert.False(r[0].Duplicate);
        Assert.Equal((int)StatusCode.InvalidArgument, r[1].ErrorCode);
        Assert.NotEmpty(r[1].ErrorMessage);
        Assert.Equal("", r[1].DocumentId);
        Assert.Equal(0, r[2].ErrorCode);
        Assert.True(r[2].Duplicate);
        Assert.Equal(r[0].DocumentId, r[2].DocumentId);
        Assert.Equal((int)StatusCode.ResourceExhausted, r[3].ErrorCode);
        Assert.Equal((int)StatusCode.InvalidArgument, r[4].ErrorCode);
        Assert.Equal(0, r[5].ErrorCode);
        Assert.NotEqual(r[0].DocumentId, r[5].DocumentId);

        await App.Submitted.WaitForAsync(r[0].DocumentId);
        await App.Submitted.WaitForAsync(r[5].DocumentId);
    }

    [Fact]
    public async Task SubmitDocuments_IdempotencyKeyReusedForOtherContent_FailsOnlyThatItem()
    {
        var key = "batch-" + Guid.NewGuid().ToString("N");
        var request = new SubmitDocumentsRequest
        {
            Documents =
            {
                new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key },
                new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText(), IdempotencyKey = key },
                new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() },
            },
        };

        var response = await Submit(request);

        Assert.Equal([0, (int)StatusCode.AlreadyExists, 0], response.Results.Select(r => r.ErrorCode));
    }

    [Fact]
    public async Task SubmitDocuments_EmptyBatch_ReturnsInvalidArgument()
    {
        await GrpcAssert.Status(StatusCode.InvalidArgument, () => Submit(new SubmitDocumentsRequest()));
    }

    [Fact]
    public async Task SubmitDocuments_MoreItemsThanTheLimit_ReturnsResourceExhausted()
    {
        var request = new SubmitDocumentsRequest();
        for (var i = 0; i <= IngestAppFixture.MaxBatchItems; i++)
            request.Documents.Add(new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() });

        await GrpcAssert.Status(StatusCode.ResourceExhausted, () => Submit(request));
    }

    [Fact]
    public async Task SubmitDocuments_WithoutApiKey_ReturnsUnauthenticated()
    {
        var request = new SubmitDocumentsRequest { Documents = { new SubmitDocumentRequest { Text = IngestAppFixture.UniqueText() } } };

        await GrpcAssert.Status(StatusCode.Unauthenticated, () => App.Client.SubmitDocumentsAsync(request, cancellationToken: Ct).ResponseAsync);
    }
}
