using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;
using Platform.Query.Storage;
using Platform.Query.Tests.Fixtures;

namespace Platform.Query.Tests.Storage;

/// <summary>
/// The behaviour every IQueryStore must have. Each implementation runs this suite against a real database
/// (a SQLite file, a PostgreSQL server); each test gets an empty database.
/// </summary>
public abstract class QueryStoreContract : IAsyncLifetime
{
    private const string A = "tenant-a";
    private const string B = "tenant-b";

    protected IQueryStore Store { get; private set; } = null!;

    protected abstract Task<IQueryStore> CreateStoreAsync();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(CancellationToken.None);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<ApplyResult> Apply(DocumentSubmitted e) => Store.ApplyAsync(QueryEvent.From(e), Ct);
    private Task<ApplyResult> Apply(DocumentExtracted e) => Store.ApplyAsync(QueryEvent.From(e), Ct);
    private Task<ApplyResult> Apply(ExtractionFailed e) => Store.ApplyAsync(QueryEvent.From(e), Ct);

    private Task<IReadOnlyList<StoredEvent>> LogOf(string tenant, long after = 0) => Store.ReadEventsAsync(tenant, after, 1000, Ct);

    private static FullTextQuery Q(string text) => FullTextQuery.Parse(text) ?? throw new ArgumentException("empty query", nameof(text));

    [Fact]
    public async Task Initialize_RunTwice_KeepsData()
    {
        await Apply(Events.Submitted(A, "doc-1"));
        await Store.InitializeAsync(Ct);
        Assert.NotNull(await Store.GetDocumentAsync(A, "doc-1", Ct));
    }

    [Fact]
    public async Task Apply_SubmittedThenExtracted_EndsExtractedWithMetadataAndExtraction()
    {
        var submitted = Events.Submitted(A, "doc-1", fileName: "gull-point.txt");
        await Apply(submitted);
        var afterSubmit = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Submitted, afterSubmit!.Document.State);
        Assert.Null(afterSubmit.Extraction);

        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody));

        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.NotNull(doc);
        Assert.Equal(DocumentState.Extracted, doc.Document.State);
        Assert.Equal("gull-point.txt", doc.Document.FileName);
        Assert.Equal(submitted.SizeBytes, doc.Document.SizeBytes);
        Assert.Equal(submitted.OccurredAt, doc.Document.SubmittedAt);
        Assert.Equal("Lighthouse relit", doc.Title);
        Assert.Equal("Harbour Gazette", doc.Source);
        Assert.Equal("2026-03-14", doc.PublishedAt);
        Assert.Equal(Events.LighthouseBody, doc.Extraction!.Body);
    }

    [Fact]
    public async Task Apply_SameEventDeliveredTwice_StoresOneRecordAndOneLogEntry()
    {
        var submitted = Events.Submitted(A, "doc-1");
        var extracted = Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody);

        Assert.Equal(ApplyOutcome.Applied, (await Apply(submitted)).Outcome);
        Assert.Equal(ApplyOutcome.Applied, (await Apply(extracted)).Outcome);
        Assert.Equal(ApplyOutcome.DuplicateEvent, (await Apply(submitted)).Outcome);
        Assert.Equal(ApplyOutcome.DuplicateEvent, (await Apply(extracted)).Outcome);

        Assert.Equal(2, (await LogOf(A)).Count);
        Assert.Single((await Store.ListDocumentsAsync(A, null, 50, null, Ct)).Documents);
        Assert.Single((await Store.SearchAsync(A, Q("lighthouse"), 50, 0, Ct)).Hits);
    }

    [Fact]
    public async Task Apply_ExtractedAgainWithNewEventIdAndSameEngineVersion_IsIgnored()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody, "engine-1"));
        var again = await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody, "engine-1"));

        Assert.Equal(ApplyOutcome.Ignored, again.Outcome);
        Assert.Single(await LogOf(A));
    }

    [Fact]
    public async Task Apply_ExtractedWithNewEngineVersion_ReplacesExtractionAndIndex()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody, "engine-1"));
        var newer = await Apply(Events.Extracted(A, "doc-1", "Bread prize", Events.BakeryBody, "engine-2"));

        Assert.Equal(ApplyOutcome.Applied, newer.Outcome);
        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal("Bread prize", doc!.Title);
        Assert.Equal(Events.BakeryBody, doc.Extraction!.Body);
        Assert.Empty((await Store.SearchAsync(A, Q("lighthouse"), 50, 0, Ct)).Hits);
        Assert.Single((await Store.SearchAsync(A, Q("fermentation"), 50, 0, Ct)).Hits);
        Assert.Equal(2, (await LogOf(A)).Count);
    }

    [Fact]
    public async Task Apply_ExtractedByAnOlderEngineAfterANewerOne_IsIgnored()
    {
        await Apply(Events.Extracted(A, "doc-1", "Bread prize", Events.BakeryBody, "1.3.0"));
        var late = await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody, "1.2.0"));

        Assert.Equal(ApplyOutcome.Ignored, late.Outcome);
        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal("Bread prize", doc!.Title);
        Assert.Equal("1.3.0", doc.Extraction!.EngineVersion);
        Assert.Single(await LogOf(A));
    }

    [Fact]
    public async Task Apply_ExtractedByANewerEngine_ComparesVersionsByNumber()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody, "1.9.0"));
        var newer = await Apply(Events.Extracted(A, "doc-1", "Bread prize", Events.BakeryBody, "1.10.0"));

        Assert.Equal(ApplyOutcome.Applied, newer.Outcome);
        Assert.Equal("Bread prize", (await Store.GetDocumentAsync(A, "doc-1", Ct))!.Title);
    }

    [Fact]
    public async Task Apply_FailedByAnOlderEngineAfterANewerFailure_IsIgnored()
    {
        await Apply(Events.Failed(A, "doc-1", "engine timed out", engineVersion: "1.3.0"));
        var late = await Apply(Events.Failed(A, "doc-1", "unsupported media type image/png", engineVersion: "1.2.0"));

        Assert.Equal(ApplyOutcome.Ignored, late.Outcome);
        Assert.Equal("engine timed out", (await Store.GetDocumentAsync(A, "doc-1", Ct))!.Document.FailureReason);
    }

    [Fact]
    public async Task Apply_ExtractedBeforeSubmitted_EndsExtractedWithSubmissionMetadata()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody));
        var late = await Apply(Events.Submitted(A, "doc-1", fileName: "late.txt"));

        Assert.Equal(ApplyOutcome.Applied, late.Outcome);
        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Extracted, doc!.Document.State);
        Assert.Equal("late.txt", doc.Document.FileName);
        Assert.NotNull(doc.Document.SubmittedAt);
        Assert.NotNull(doc.Extraction);
        Assert.Equal(2, (await LogOf(A)).Count);
    }

    [Fact]
    public async Task Apply_FailedBeforeSubmitted_EndsFailedWithReason()
    {
        await Apply(Events.Failed(A, "doc-1", "unsupported media type image/png"));
        await Apply(Events.Submitted(A, "doc-1"));

        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Failed, doc!.Document.State);
        Assert.Equal("unsupported media type image/png", doc.Document.FailureReason);
        Assert.Null(doc.Extraction);
    }

    [Fact]
    public async Task Apply_FailedAfterExtracted_StaysExtracted()
    {
        await Apply(Events.Submitted(A, "doc-1"));
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody));
        var failed = await Apply(Events.Failed(A, "doc-1"));

        Assert.Equal(ApplyOutcome.Ignored, failed.Outcome);
        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Extracted, doc!.Document.State);
        Assert.Equal("", doc.Document.FailureReason);
        Assert.Equal(2, (await LogOf(A)).Count);
    }

    [Fact]
    public async Task Apply_ExtractedAfterFailed_UpgradesToExtracted()
    {
        await Apply(Events.Failed(A, "doc-1", "engine timed out"));
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody));

        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Extracted, doc!.Document.State);
        Assert.Equal("", doc.Document.FailureReason);
    }

    [Fact]
    public async Task Apply_SecondSubmittedForSameDocument_IsIgnored()
    {
        await Apply(Events.Submitted(A, "doc-1"));
        var second = await Apply(Events.Submitted(A, "doc-1"));

        Assert.Equal(ApplyOutcome.Ignored, second.Outcome);
        Assert.Single(await LogOf(A));
    }

    [Fact]
    public async Task Apply_EventWithoutId_IsRejectedWithoutWriting()
    {
        var bad = Events.Submitted(A, "doc-1");
        bad.EventId = "";

        await Assert.ThrowsAsync<ArgumentException>(() => Apply(bad));
        Assert.Null(await Store.GetDocumentAsync(A, "doc-1", Ct));
        Assert.Empty(await LogOf(A));
    }

    [Fact]
    public async Task Apply_TextWithNulCharacters_IsStoredAndSearchable()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse\0 relit", "Keeper\0 lighthouse notes"));

        var doc = await Store.GetDocumentAsync(A, "doc-1", Ct);
        Assert.Equal(DocumentState.Extracted, doc!.Document.State);
        Assert.Single((await Store.SearchAsync(A, Q("keeper"), 50, 0, Ct)).Hits);
    }

    [Fact]
    public async Task GetDocument_OtherTenantsDocument_ReturnsNull()
    {
        await Apply(Events.Submitted(A, "doc-1"));

        Assert.Null(await Store.GetDocumentAsync(B, "doc-1", Ct));
        Assert.Null(await Store.GetDocumentAsync(A, "doc-404", Ct));
    }

    [Fact]
    public async Task Documents_SameIdInTwoTenants_AreSeparateRecords()
    {
        await Apply(Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody));
        await Apply(Events.Extracted(B, "doc-1", "Bread prize", Events.BakeryBody));

        Assert.Equal("Lighthouse relit", (await Store.GetDocumentAsync(A, "doc-1", Ct))!.Title);
        Assert.Equal("Bread prize", (await Store.GetDocumentAsync(B, "doc-1", Ct))!.Title);
    }

    [Fact]
    public async Task Search_RanksStrongerMatchFirst_AndSnippetMarksTheWord()
    {
        await Apply(Events.Extracted(A, "ferry", "Ferry timetable cut", Events.FerryBody));
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", Events.LighthouseBody));
        await Apply(Events.Extracted(A, "bread", "Bread prize", Events.BakeryBody));

        var page = await Store.SearchAsync(A, Q("lighthouse"), 50, 0, Ct);

        Assert.Equal(["light", "ferry"], page.Hits.Select(h => h.Document.Document.Id));
        Assert.True(page.Hits[0].Score > page.Hits[1].Score, $"scores {page.Hits[0].Score} > {page.Hits[1].Score}");
        Assert.Contains($"{SnippetMarks.Open}lighthouse{SnippetMarks.Close}", page.Hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Search_Phrase_MatchesOnlyAdjacentWords()
    {
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", Events.LighthouseBody));
        await Apply(Events.Extracted(A, "ferry", "Ferry timetable cut", Events.FerryBody));

        var phrase = await Store.SearchAsync(A, Q("\"harbour trust\""), 50, 0, Ct);
        var words = await Store.SearchAsync(A, Q("harbour"), 50, 0, Ct);

        Assert.Equal(["light"], phrase.Hits.Select(h => h.Document.Document.Id));
        Assert.Equal(2, words.Hits.Count);
    }

    [Fact]
    public async Task Search_AllWordsRequired_AndStemmed()
    {
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", Events.LighthouseBody));
        await Apply(Events.Extracted(A, "ferry", "Ferry timetable cut", Events.FerryBody));

        Assert.Equal(["ferry"], (await Store.SearchAsync(A, Q("harbour engines"), 50, 0, Ct)).Hits.Select(h => h.Document.Document.Id));
        // "restored" finds "restoring" through the stemmer in both stores.
        Assert.Equal(["light"], (await Store.SearchAsync(A, Q("restored"), 50, 0, Ct)).Hits.Select(h => h.Document.Document.Id));
        // A prefix matches the beginning of a stem ("overhauled" is indexed as "overhaul").
        Assert.Equal(["ferry"], (await Store.SearchAsync(A, Q("overha*"), 50, 0, Ct)).Hits.Select(h => h.Document.Document.Id));
    }

    [Fact]
    public async Task Search_FindsDocumentByEntityName()
    {
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", "The lantern shines again.", "engine-1", null, "Ingrid Solberg"));

        Assert.Single((await Store.SearchAsync(A, Q("Solberg"), 50, 0, Ct)).Hits);
    }

    [Theory]
    [InlineData("lighthouse\" OR \"")]
    [InlineData("NEAR(lighthouse keeper) AND NOT title:ferry")]
    [InlineData("lighthouse & | ! ( ) : * ^ -- ' \\")]
    [InlineData("\"unbalanced lighthouse")]
    [InlineData("lighthouse'); DROP TABLE query_documents; --")]
    public async Task Search_HostileInput_RunsWithoutSyntaxErrors(string input)
    {
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", Events.LighthouseBody));

        var query = FullTextQuery.Parse(input);
        Assert.NotNull(query);
        await Store.SearchAsync(A, query, 50, 0, Ct);
        Assert.NotNull(await Store.GetDocumentAsync(A, "light", Ct));
    }

    [Fact]
    public async Task Search_IsTenantScoped()
    {
        await Apply(Events.Extracted(A, "light", "Lighthouse relit", Events.LighthouseBody));

        Assert.Empty((await Store.SearchAsync(B, Q("lighthouse"), 50, 0, Ct)).Hits);
    }

    [Fact]
    public async Task Search_Pages_CoverEveryHitOnce()
    {
        for (var i = 0; i < 7; i++)
            await Apply(Events.Extracted(A, $"doc-{i}", $"Harbour note {i}", Events.FerryBody));

        var seen = new List<string>();
        var offset = 0;
        SearchPage page;
        do
        {
            page = await Store.SearchAsync(A, Q("harbour"), 3, offset, Ct);
            seen.AddRange(page.Hits.Select(h => h.Document.Document.Id));
            offset += page.Hits.Count;
        }
        while (page.HasMore);

        Assert.Equal(7, seen.Count);
        Assert.Equal(7, seen.Distinct().Count());
    }

    [Fact]
    public async Task List_PagesNewestFirst_WithoutGapsOrRepeats()
    {
        for (var i = 0; i < 12; i++)
            await Apply(Events.Submitted(A, $"doc-{i:00}"));
        await Apply(Events.Submitted(B, "other"));

        var seen = new List<string>();
        long? after = null;
        var pages = 0;
        do
        {
            var page = await Store.ListDocumentsAsync(A, null, 5, after, Ct);
            seen.AddRange(page.Documents.Select(d => d.Document.Id));
            after = page.NextAfterKey;
            pages++;
        }
        while (after is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 12).Reverse().Select(i => $"doc-{i:00}"), seen);
    }

    [Fact]
    public async Task List_FiltersByState()
    {
        await Apply(Events.Submitted(A, "waiting"));
        await Apply(Events.Extracted(A, "done", "Lighthouse relit", Events.LighthouseBody));
        await Apply(Events.Failed(A, "broken"));

        Assert.Equal(["waiting"], (await Store.ListDocumentsAsync(A, DocumentState.Submitted, 50, null, Ct)).Documents.Select(d => d.Document.Id));
        Assert.Equal(["done"], (await Store.ListDocumentsAsync(A, DocumentState.Extracted, 50, null, Ct)).Documents.Select(d => d.Document.Id));
        Assert.Equal(["broken"], (await Store.ListDocumentsAsync(A, DocumentState.Failed, 50, null, Ct)).Documents.Select(d => d.Document.Id));
        Assert.Equal(3, (await Store.ListDocumentsAsync(A, null, 50, null, Ct)).Documents.Count);
    }

    [Fact]
    public async Task EventLog_ReadsTenantEventsInOrder_AfterCursor()
    {
        var a1 = Events.Submitted(A, "doc-1");
        var b1 = Events.Submitted(B, "doc-9");
        var a2 = Events.Extracted(A, "doc-1", "Lighthouse relit", Events.LighthouseBody);
        var a3 = Events.Failed(A, "doc-2");
        await Apply(a1);
        await Apply(b1);
        await Apply(a2);
        await Apply(a3);

        var all = await LogOf(A);
        Assert.Equal([a1.EventId, a2.EventId, a3.EventId], all.Select(e => e.EventId));
        Assert.All(all, e => Assert.Equal(A, e.Tenant));
        Assert.True(all[0].Sequence < all[1].Sequence && all[1].Sequence < all[2].Sequence);
        Assert.Equal(a2, DocumentExtracted.Parser.ParseFrom(all[1].Payload));
        Assert.Equal(a2.OccurredAt.ToDateTimeOffset(), all[1].OccurredAt);

        var after = await LogOf(A, all[0].Sequence);
        Assert.Equal([a2.EventId, a3.EventId], after.Select(e => e.EventId));
        Assert.Equal(all[2].Sequence, await Store.GetLastSequenceAsync(Ct));
        Assert.Equal([b1.EventId], (await LogOf(B)).Select(e => e.EventId));
    }

    [Fact]
    public async Task Apply_ConcurrentWriters_GiveEveryEventOneDistinctIncreasingSequence()
    {
        var events = Enumerable.Range(0, 40).Select(i => Events.Submitted(A, $"doc-{i}")).ToList();

        // Every event delivered twice, concurrently: redelivery racing the first delivery.
        var results = await Task.WhenAll(events.Concat(events).Select(e => Task.Run(() => Apply(e))));

        Assert.Equal(40, results.Count(r => r.Outcome == ApplyOutcome.Applied));
        Assert.Equal(40, results.Count(r => r.Outcome == ApplyOutcome.DuplicateEvent));
        var log = await LogOf(A);
        Assert.Equal(40, log.Count);
        Assert.Equal(40, log.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(log.Select(e => e.Sequence).Order(), log.Select(e => e.Sequence));
        Assert.Equal(40, (await Store.ListDocumentsAsync(A, null, 500, null, Ct)).Documents.Count);
    }
}
