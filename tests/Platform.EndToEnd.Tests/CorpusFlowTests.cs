using System.Text.RegularExpressions;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Platform.EndToEnd.Tests.Infrastructure;

namespace Platform.EndToEnd.Tests;

/// <summary>The sample corpus through the whole distributed path: Ingest → RabbitMQ → Extraction → RabbitMQ → Query.</summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed partial class CorpusFlowTests(DistributedPlatform platform)
{
    private const string Key = "e2e-key-corpus";

    /// <summary>Long enough for a duplicate publish to reach the subscriber; a missing event fails sooner.</summary>
    internal static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Samples whose first content line is already a paragraph (samples/README.md); FORMAT.md wants title "" for them.
    /// Every other sample has a headline, so its title must come through.
    /// </summary>
    private static readonly HashSet<string> WithoutHeadline = ["no-headline-drought.txt", "wire-port-expansion.txt"];

    [Fact]
    public Task SubmittedCorpus_IsExtractedOncePerDocument_AndQueryServesEachByIdAndBySearch() => platform.RunAsync(async ct =>
    {
        var corpus = SampleCorpus.Load();
        var submitted = new Dictionary<string, SampleDocument>();
        foreach (var document in corpus)
        {
            var response = await platform.IngestClient.SubmitDocumentAsync(document.ToRequest(), DistributedPlatform.As(Key), cancellationToken: ct);
            Assert.False(response.Duplicate, $"{document.FileName} was reported as a duplicate on first submission");
            Assert.False(string.IsNullOrEmpty(response.DocumentId));
            submitted[response.DocumentId] = document;
        }

        Assert.Equal(corpus.Count, submitted.Count);

        var answers = await QueryWaits.TerminalAsync(platform.QueryClient, Key, submitted.Keys, ct);
        foreach (var (id, answer) in answers)
        {
            var file = submitted[id].FileName;
            Assert.True(answer.Document.State == DocumentState.Extracted, $"{file}: {answer.Document.State} ({answer.Document.FailureReason})");
            Assert.Equal(id, answer.Document.Id);
            Assert.Equal(DistributedPlatform.Keys[Key], answer.Document.Tenant);
            if (!WithoutHeadline.Contains(file))
                Assert.False(string.IsNullOrWhiteSpace(answer.Extraction?.Title), $"{file}: no title");
            Assert.False(string.IsNullOrWhiteSpace(answer.Extraction?.Body), $"{file}: no body");
        }

        // The independent (non-MassTransit) subscriber sees exactly one DocumentExtracted per document.
        await QueryWaits.UntilAsync(() => submitted.Keys.All(id => platform.Events.ExtractedFor(id).Any()),
            "one DocumentExtracted per document at the plain RabbitMQ subscriber", ct);
        await Task.Delay(SettleTime, ct);
        foreach (var (id, document) in submitted)
        {
            var events = platform.Events.ExtractedFor(id).ToList();
            Assert.True(events.Count == 1, $"{document.FileName}: {events.Count} DocumentExtracted events");
            Assert.Equal(DistributedPlatform.Keys[Key], events[0].Tenant);
            Assert.Equal(answers[id].Extraction.Title, events[0].Extraction.Title);
            Assert.Empty(platform.Events.FailedFor(id));
        }

        Assert.Empty(platform.Events.Problems);

        // Search: a word of each document's title finds it (preferably a word no other document uses).
        foreach (var (id, answer) in answers)
        {
            var others = answers.Where(a => a.Key != id).Select(a => a.Value.Extraction.Body + " " + a.Value.Extraction.Title).ToList();
            var word = SearchWord(answer.Extraction, others);
            var result = await platform.QueryClient.SearchDocumentsAsync(new SearchDocumentsRequest { Query = word, PageSize = 100 }, DistributedPlatform.As(Key), cancellationToken: ct);
            Assert.True(result.Hits.Any(h => h.Document.Document.Id == id),
                $"search '{word}' did not find {submitted[id].FileName} (title '{answer.Extraction.Title}'); hits: {string.Join(", ", result.Hits.Select(h => h.Document.Title))}");
        }
    });

    /// <summary>The longest title word (5+ letters) that no other document contains; else the longest title word.</summary>
    internal static string SearchWord(Extraction extraction, IReadOnlyList<string> otherTexts)
    {
        var candidates = Word().Matches(extraction.Title).Select(m => m.Value).Where(w => w.Length >= 5).Distinct().OrderByDescending(w => w.Length).ToList();
        if (candidates.Count == 0)
            candidates = Word().Matches(extraction.Body).Select(m => m.Value).Where(w => w.Length >= 5).Distinct().OrderByDescending(w => w.Length).Take(20).ToList();
        Assert.NotEmpty(candidates);
        return candidates.FirstOrDefault(w => otherTexts.All(t => !t.Contains(w, StringComparison.OrdinalIgnoreCase))) ?? candidates[0];
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
