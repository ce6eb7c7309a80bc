using Platform.Contracts.Documents.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

[Collection(DistributedPlatformCollection.Name)]
public sealed class DeduplicationTests(DistributedPlatform platform)
{
    private const string Key = "e2e-key-dedupe";

    [Fact]
    public Task SubmitDocument_SameContentTwice_ReturnsSameIdAndPublishesOneDocumentExtracted() => platform.RunAsync(async ct =>
    {
        var document = SampleCorpus.Load()[0];

        var first = await platform.IngestClient.SubmitDocumentAsync(document.ToRequest(), DistributedPlatform.As(Key), cancellationToken: ct);
        var second = await platform.IngestClient.SubmitDocumentAsync(document.ToRequest(), DistributedPlatform.As(Key), cancellationToken: ct);
        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(first.DocumentId, second.DocumentId);
        Assert.Equal(first.ContentHash, second.ContentHash);

        var answers = await QueryWaits.TerminalAsync(platform.QueryClient, Key, [first.DocumentId], ct);
        Assert.Equal(DocumentState.Extracted, answers[first.DocumentId].Document.State);

        // Once more after extraction finished: still the same document, still no new event.
        var third = await platform.IngestClient.SubmitDocumentAsync(document.ToRequest(), DistributedPlatform.As(Key), cancellationToken: ct);
        Assert.True(third.Duplicate);
        Assert.Equal(first.DocumentId, third.DocumentId);

        await QueryWaits.UntilAsync(() => platform.Events.ExtractedFor(first.DocumentId).Any(), "the DocumentExtracted event", ct);
        await Task.Delay(CorpusFlowTests.SettleTime, ct);
        Assert.Single(platform.Events.ExtractedFor(first.DocumentId));

        var list = await platform.QueryClient.ListDocumentsAsync(new() { PageSize = 50 }, DistributedPlatform.As(Key), cancellationToken: ct);
        Assert.Single(list.Documents);
    });
}
