using Google.Protobuf;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

[Collection(DistributedPlatformCollection.Name)]
public sealed class UnreadableInputTests(DistributedPlatform platform)
{
    private const string Key = "e2e-key-failures";

    public static TheoryData<string, string, int> NonDocuments => new()
    {
        { "application/octet-stream", "noise.bin", 1 },
        { "image/png", "picture.png", 2 },
    };

    [Theory]
    [MemberData(nameof(NonDocuments))]
    public Task NonDocument_EndsInExtractionFailedWithReason_AndQueryShowsFailed(string mediaType, string fileName, int seed) => platform.RunAsync(async ct =>
    {
        var content = new byte[4096];
        new Random(seed).NextBytes(content);
        if (mediaType == "image/png")
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(content, 0);

        var submitted = await platform.IngestClient.SubmitDocumentAsync(
            new SubmitDocumentRequest { Content = ByteString.CopyFrom(content), MediaType = mediaType, FileName = fileName },
            DistributedPlatform.As(Key), cancellationToken: ct);

        var answer = (await QueryWaits.TerminalAsync(platform.QueryClient, Key, [submitted.DocumentId], ct))[submitted.DocumentId];
        Assert.Equal(DocumentState.Failed, answer.Document.State);
        Assert.False(string.IsNullOrWhiteSpace(answer.Document.FailureReason));

        await QueryWaits.UntilAsync(() => platform.Events.FailedFor(submitted.DocumentId).Any(), "ExtractionFailed at the plain RabbitMQ subscriber", ct);
        var failed = platform.Events.FailedFor(submitted.DocumentId).First();
        Assert.Equal("tenant-failures", failed.Tenant);
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
        Assert.Empty(platform.Events.ExtractedFor(submitted.DocumentId));
        TestContext.Current.TestOutputHelper?.WriteLine($"{mediaType}: {failed.ErrorCode}: {failed.Reason}");
    });
}
