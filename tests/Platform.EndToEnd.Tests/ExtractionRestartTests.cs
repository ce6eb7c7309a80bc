using Platform.Contracts.Documents.V1;
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

        // Batch 1: two copies of the corpus (distinct content), so the worker is busy when it dies.
        var firstBatch = new List<string>();
        foreach (var copy in new[] { "copy one", "copy two" })
        {
            foreach (var document in corpus)
                firstBatch.Add((await platform.IngestClient.SubmitDocumentAsync(document.ToRequest($"Restart test, batch 1, {copy}."), DistributedPlatform.As(Key), cancellationToken: ct)).DocumentId);
        }

        // Kill (SIGKILL, no graceful shutdown) as soon as the worker has finished something: mid-run.
        await QueryWaits.UntilAsync(() => firstBatch.Any(id => platform.Events.ExtractedFor(id).Any()), "the first extraction of batch 1", ct);
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

        await platform.Extraction.StartAsync(TimeSpan.FromMinutes(3), ct);

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
