using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

[Collection(DistributedPlatformCollection.Name)]
public sealed class ExtractionRestartTests(DistributedPlatform platform)
{
    private const string Key = "e2e-key-restart";

    [Fact]
    public Task ExtractionProcess_KilledMidRunAndRestarted_LosesNoDocument() => platform.RunAsync(async ct =>
    {
        var corpus = SampleCorpus.Load();
        var output = TestContext.Current.TestOutputHelper;

        // Batch 1: eight copies of the corpus (distinct content) in one SubmitDocuments call, so the queue is full and
        // the worker is busy (prefetched, unacknowledged messages) when it dies.
        var batch = new SubmitDocumentsRequest();
        for (var copy = 1; copy <= 8; copy++)
            batch.Documents.AddRange(corpus.Select(d => d.ToRequest($"Restart test, batch 1, copy {copy}.")));
        var batchResponse = await platform.IngestClient.SubmitDocumentsAsync(batch, DistributedPlatform.As(Key), cancellationToken: ct);
        Assert.All(batchResponse.Results, r => Assert.Equal(0, r.ErrorCode));
        var firstBatch = batchResponse.Results.Select(r => r.DocumentId).ToList();

        // Kill (SIGKILL, no graceful shutdown) as soon as the worker has finished something: mid-run.
        var started = DateTime.UtcNow;
        while (!firstBatch.Any(id => platform.Events.ExtractedFor(id).Any()))
        {
            Assert.True(DateTime.UtcNow - started < QueryWaits.DefaultTimeout, "no document of batch 1 was extracted");
            await Task.Delay(10, ct);
        }

        platform.Extraction.Kill();
        Assert.False(platform.Extraction.IsRunning);
        var doneBeforeKill = firstBatch.Count(id => platform.Events.ExtractedFor(id).Any());
        output?.WriteLine($"killed extraction with {doneBeforeKill} of {firstBatch.Count} batch-1 documents extracted");

        // Batch 2 while no extraction process runs: accepted by Ingest, queued on the broker.
        var secondBatch = new List<string>();
        foreach (var document in corpus)
            secondBatch.Add((await platform.IngestClient.SubmitDocumentAsync(document.ToRequest("Restart test, batch 2."), DistributedPlatform.As(Key), cancellationToken: ct)).DocumentId);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        foreach (var id in secondBatch)
        {
            var state = await QueryWaits.StateAsync(platform.QueryClient, Key, id, ct);
            Assert.True(state is null or DocumentState.Submitted, $"{id} is {state} although no extraction process runs");
        }

        await DistributedPlatform.StartAsync(platform.Extraction, ct);

        var all = firstBatch.Concat(secondBatch).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        var answers = await QueryWaits.TerminalAsync(platform.QueryClient, Key, all, ct);
        var notExtracted = answers.Where(a => a.Value.Document.State != DocumentState.Extracted)
            .Select(a => $"{a.Key}: {a.Value.Document.State} ({a.Value.Document.FailureReason})").ToList();
        Assert.True(notExtracted.Count == 0, "not extracted: " + string.Join("; ", notExtracted));

        // The independent subscriber got every result too (at least once: a redelivery after the kill may repeat one).
        await QueryWaits.UntilAsync(() => all.All(id => platform.Events.ExtractedFor(id).Any()), "a DocumentExtracted event for every document", ct);
        output?.WriteLine($"{all.Count} documents extracted; {platform.Events.Extracted.Count(e => all.Contains(e.DocumentId)) - all.Count} redelivered duplicates");
    });
}
