using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Storage;

/// <summary>
/// The behaviour every IDocumentStore must have. Each implementation runs this suite against a real database
/// (a SQLite file, a PostgreSQL server); each test gets an empty database.
/// </summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    protected const string A = "tenant-a";
    protected const string B = "tenant-b";

    protected IDocumentStore Store { get; private set; } = null!;

    protected abstract Task<IDocumentStore> CreateStoreAsync();

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

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Initialize_RunTwice_KeepsData()
    {
        var doc = Samples.New(A, Samples.Harbour);
        await Store.SubmitAsync(doc, Ct);

        await Store.InitializeAsync(Ct);

        Assert.NotNull(await Store.GetAsync(A, doc.Id, includeContent: false, Ct));
    }

    [Fact]
    public async Task Submit_NewContent_StoresDocumentWithContentAndOneOutboxRow()
    {
        var doc = Samples.New(A, Samples.Harbour, idempotencyKey: "k-1");

        var result = await Store.SubmitAsync(doc, Ct);

        Assert.Equal(SubmitStatus.Created, result.Status);
        Assert.Equal(doc.Id, result.Document.Id);
        var stored = await Store.GetAsync(A, doc.Id, includeContent: true, Ct);
        Assert.NotNull(stored);
        Assert.Equal(doc.Content, stored.Content);
        Assert.Equal(doc.ContentHash, stored.ContentHash);
        Assert.Equal("text/plain", stored.MediaType);
        Assert.Equal("story.txt", stored.FileName);
        Assert.Equal("ext-" + doc.Id, stored.ExternalId);
        Assert.Equal("k-1", stored.IdempotencyKey);
        Assert.Equal(doc.Content.Length, stored.SizeBytes);
        Assert.Equal(SqlDocumentStore.ToMicros(doc.SubmittedAt), stored.SubmittedAtUs);
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Get_WithoutContent_LeavesContentNull()
    {
        var doc = Samples.New(A, Samples.Harbour);
        await Store.SubmitAsync(doc, Ct);

        var stored = await Store.GetAsync(A, doc.Id, includeContent: false, Ct);

        Assert.NotNull(stored);
        Assert.Null(stored.Content);
    }

    [Fact]
    public async Task Submit_SameContentTwice_ReturnsFirstDocumentAndWritesNothing()
    {
        var first = Samples.New(A, Samples.Harbour);
        await Store.SubmitAsync(first, Ct);

        var second = await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);

        Assert.Equal(SubmitStatus.Duplicate, second.Status);
        Assert.Equal(first.Id, second.Document.Id);
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Submit_SameContentForAnotherTenant_CreatesASeparateDocument()
    {
        var a = await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        var b = await Store.SubmitAsync(Samples.New(B, Samples.Harbour), Ct);

        Assert.Equal(SubmitStatus.Created, b.Status);
        Assert.NotEqual(a.Document.Id, b.Document.Id);
        Assert.Equal(2, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyAndContent_ReturnsFirstDocument()
    {
        var first = await Store.SubmitAsync(Samples.New(A, Samples.Harbour, idempotencyKey: "retry-1"), Ct);

        var retry = await Store.SubmitAsync(Samples.New(A, Samples.Harbour, idempotencyKey: "retry-1"), Ct);

        Assert.Equal(SubmitStatus.Duplicate, retry.Status);
        Assert.Equal(first.Document.Id, retry.Document.Id);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyWithOtherContent_ReportsConflictAndWritesNothing()
    {
        var first = await Store.SubmitAsync(Samples.New(A, Samples.Harbour, idempotencyKey: "retry-1"), Ct);
        var other = Samples.New(A, Samples.Ferry, idempotencyKey: "retry-1");

        var result = await Store.SubmitAsync(other, Ct);

        Assert.Equal(SubmitStatus.IdempotencyKeyConflict, result.Status);
        Assert.Equal(first.Document.Id, result.Document.Id);
        Assert.Null(await Store.GetAsync(A, other.Id, includeContent: false, Ct));
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyForAnotherTenant_IsIndependent()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour, idempotencyKey: "shared"), Ct);

        var b = await Store.SubmitAsync(Samples.New(B, Samples.Ferry, idempotencyKey: "shared"), Ct);

        Assert.Equal(SubmitStatus.Created, b.Status);
    }

    [Fact]
    public async Task Submit_ManyDocumentsWithoutIdempotencyKey_AreAllStored()
    {
        // A NULL key must not collide with another NULL key under the unique constraint.
        for (var i = 0; i < 5; i++)
            Assert.Equal(SubmitStatus.Created, (await Store.SubmitAsync(Samples.New(A, Samples.Harbour + i), Ct)).Status);
        Assert.Equal(5, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Submit_ConcurrentSameContent_ResolvesToOneDocumentAndOneEvent()
    {
        var attempts = Enumerable.Range(0, 12).Select(_ => Samples.New(A, Samples.Ferry)).ToList();

        var results = await Task.WhenAll(attempts.Select(d => Task.Run(() => Store.SubmitAsync(d, Ct), Ct)));

        Assert.Single(results, r => r.Status == SubmitStatus.Created);
        Assert.Single(results.Select(r => r.Document.Id).Distinct());
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Submit_ConcurrentSameIdempotencyKey_ResolvesToOneDocument()
    {
        var attempts = Enumerable.Range(0, 8).Select(_ => Samples.New(A, Samples.Harbour, idempotencyKey: "race")).ToList();

        var results = await Task.WhenAll(attempts.Select(d => Task.Run(() => Store.SubmitAsync(d, Ct), Ct)));

        Assert.Single(results, r => r.Status == SubmitStatus.Created);
        Assert.All(results, r => Assert.Equal(results[0].Document.Id, r.Document.Id));
    }

    [Fact]
    public async Task Submit_WhenTheOutboxInsertFails_StoresNoDocument()
    {
        var doc = Samples.New(A, Samples.Harbour) with { Event = new OutboxEvent(Guid.NewGuid().ToString(), "platform.events.v1.DocumentSubmitted", null!) };

        await Assert.ThrowsAnyAsync<Exception>(() => Store.SubmitAsync(doc, Ct));

        Assert.Null(await Store.GetAsync(A, doc.Id, includeContent: false, Ct));
        Assert.Equal(0, await Store.CountPendingOutboxAsync(Ct));
        // Nothing half-written blocks a later, valid submission of the same content.
        Assert.Equal(SubmitStatus.Created, (await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct)).Status);
    }

    [Fact]
    public async Task Get_OtherTenantsDocument_ReturnsNull()
    {
        var doc = Samples.New(A, Samples.Harbour);
        await Store.SubmitAsync(doc, Ct);

        Assert.Null(await Store.GetAsync(B, doc.Id, includeContent: true, Ct));
    }

    [Fact]
    public async Task Get_WithoutTenant_FindsAnyTenantsDocument()
    {
        var doc = Samples.New(A, Samples.Harbour);
        await Store.SubmitAsync(doc, Ct);

        var stored = await Store.GetAsync(null, doc.Id, includeContent: true, Ct);

        Assert.Equal(A, stored?.Tenant);
    }

    [Fact]
    public async Task Get_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(A, "doc_missing", includeContent: true, Ct));
    }

    [Fact]
    public async Task Submit_LargeContent_RoundTripsByteForByte()
    {
        var content = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(content);
        var doc = Samples.New(A, "x") with { Content = content, ContentHash = Platform.Ingest.Documents.DocumentIngestor.Hash(content) };

        await Store.SubmitAsync(doc, Ct);

        Assert.Equal(content, (await Store.GetAsync(A, doc.Id, includeContent: true, Ct))!.Content);
    }

    [Fact]
    public async Task ClaimOutbox_ReturnsRowsOldestFirstWithTheirPayload()
    {
        var docs = Enumerable.Range(0, 3).Select(i => Samples.New(A, Samples.Harbour + i)).ToList();
        foreach (var d in docs)
            await Store.SubmitAsync(d, Ct);

        var claimed = await Store.ClaimOutboxAsync(10, Lease, Ct);

        Assert.Equal(docs.Select(d => d.Id), claimed.Select(c => c.DocumentId));
        Assert.Equal(docs.Select(d => d.Event.EventId), claimed.Select(c => c.EventId));
        Assert.Equal(docs[0].Event.Payload, claimed[0].Payload);
        Assert.All(claimed, c => Assert.Equal(1, c.Attempts));
        Assert.All(claimed, c => Assert.Equal(A, c.Tenant));
    }

    [Fact]
    public async Task ClaimOutbox_RespectsTheLimit()
    {
        for (var i = 0; i < 5; i++)
            await Store.SubmitAsync(Samples.New(A, Samples.Ferry + i), Ct);

        var first = await Store.ClaimOutboxAsync(2, Lease, Ct);
        var second = await Store.ClaimOutboxAsync(10, Lease, Ct);

        Assert.Equal(2, first.Count);
        Assert.Equal(3, second.Count);
        Assert.True(first.Max(r => r.Id) < second.Min(r => r.Id));
    }

    [Fact]
    public async Task ClaimOutbox_WhileLeased_DoesNotHandOutTheSameRowsAgain()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        Assert.Single(await Store.ClaimOutboxAsync(10, Lease, Ct));

        Assert.Empty(await Store.ClaimOutboxAsync(10, Lease, Ct));
    }

    [Fact]
    public async Task ClaimOutbox_AfterTheLeaseEnds_HandsTheRowOutAgain()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        // A negative lease has already ended: the relay that claimed the row is taken to be dead.
        Assert.Single(await Store.ClaimOutboxAsync(10, TimeSpan.FromSeconds(-1), Ct));

        var again = await Store.ClaimOutboxAsync(10, Lease, Ct);

        Assert.Equal(2, Assert.Single(again).Attempts);
    }

    [Fact]
    public async Task ClaimOutbox_ConcurrentRelays_NeverShareARow()
    {
        for (var i = 0; i < 40; i++)
            await Store.SubmitAsync(Samples.New(A, Samples.Harbour + i), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Store.ClaimOutboxAsync(15, Lease, Ct), Ct)));

        var ids = claims.SelectMany(c => c.Select(r => r.Id)).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task MarkSent_RemovesRowsFromThePending()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        await Store.SubmitAsync(Samples.New(A, Samples.Ferry), Ct);
        var claimed = await Store.ClaimOutboxAsync(10, TimeSpan.FromSeconds(-1), Ct);

        await Store.MarkSentAsync([claimed[0].Id], Ct);

        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
        var again = await Store.ClaimOutboxAsync(10, Lease, Ct);
        Assert.Equal(claimed[1].Id, Assert.Single(again).Id);
    }

    [Fact]
    public async Task Release_MakesClaimedRowsAvailableAtOnce()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        var claimed = await Store.ClaimOutboxAsync(10, Lease, Ct);

        await Store.ReleaseAsync(claimed.Select(c => c.Id).ToList(), "broker unreachable", Ct);

        Assert.Single(await Store.ClaimOutboxAsync(10, Lease, Ct));
    }

    [Fact]
    public async Task PurgeSentOutbox_DeletesOnlySentRowsOlderThanTheCutoff()
    {
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        await Store.SubmitAsync(Samples.New(A, Samples.Ferry), Ct);
        var claimed = await Store.ClaimOutboxAsync(1, Lease, Ct);
        await Store.MarkSentAsync([claimed[0].Id], Ct);

        Assert.Equal(0, await Store.PurgeSentOutboxAsync(DateTimeOffset.UtcNow.AddMinutes(-5), Ct));
        Assert.Equal(1, await Store.PurgeSentOutboxAsync(DateTimeOffset.UtcNow.AddMinutes(5), Ct));
        Assert.Equal(1, await Store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task GetOutboxStatus_ReportsBacklogAttemptsAndTheLastError()
    {
        Assert.Equal(new OutboxStatus(0, 0, null), await Store.GetOutboxStatusAsync(Ct));
        await Store.SubmitAsync(Samples.New(A, Samples.Harbour), Ct);
        await Store.SubmitAsync(Samples.New(A, Samples.Ferry), Ct);
        var claimed = await Store.ClaimOutboxAsync(1, Lease, Ct);
        await Store.ReleaseAsync([claimed[0].Id], "broker unreachable", Ct);
        await Store.ClaimOutboxAsync(1, Lease, Ct);

        var status = await Store.GetOutboxStatusAsync(Ct);

        Assert.Equal(2, status.Pending);
        Assert.Equal(2, status.MaxAttempts);
        Assert.Equal("broker unreachable", status.LastError);
    }
}
