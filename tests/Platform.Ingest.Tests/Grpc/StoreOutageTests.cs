using System.Data.Common;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Grpc;

/// <summary>When the database stops answering, callers get Unavailable (retryable), not an internal error.</summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private IngestApp _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _app = await IngestApp.StartAsync(configure: services => services.AddSingleton<IDocumentStore, UnreachableStore>());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SubmitDocument_WhenTheStoreFails_ReturnsUnavailable()
    {
        await GrpcAssert.Status(StatusCode.Unavailable,
            () => _app.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = Samples.Harbour }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task GetDocumentContent_WhenTheStoreFails_ReturnsUnavailable()
    {
        await GrpcAssert.Status(StatusCode.Unavailable,
            () => _app.Client.GetDocumentContentAsync(new GetDocumentContentRequest { DocumentId = "doc_x" }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct).ResponseAsync);
    }

    [Fact]
    public async Task SubmitDocuments_WhenTheStoreFails_ReportsUnavailablePerItem()
    {
        var request = new SubmitDocumentsRequest { Documents = { new SubmitDocumentRequest { Text = Samples.Harbour }, new SubmitDocumentRequest { Text = Samples.Ferry } } };

        var response = await _app.Client.SubmitDocumentsAsync(request, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);

        Assert.All(response.Results, r => Assert.Equal((int)StatusCode.Unavailable, r.ErrorCode));
    }

    /// <summary>Schema creation works (the app starts); every later call fails as a lost connection would.</summary>
    private sealed class UnreachableStore : IDocumentStore
    {
        private static Exception Down() => new StoreDownException();

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<SubmitResult> SubmitAsync(NewDocument document, CancellationToken cancellationToken) => Task.FromException<SubmitResult>(Down());
        public Task<StoredDocument?> GetAsync(string? tenant, string documentId, bool includeContent, CancellationToken cancellationToken) => Task.FromException<StoredDocument?>(Down());
        public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(int limit, TimeSpan lease, CancellationToken cancellationToken) => Task.FromException<IReadOnlyList<OutboxMessage>>(Down());
        public Task MarkSentAsync(IReadOnlyCollection<long> outboxIds, CancellationToken cancellationToken) => Task.FromException(Down());
        public Task ReleaseAsync(IReadOnlyCollection<long> outboxIds, string error, CancellationToken cancellationToken) => Task.FromException(Down());
        public Task<long> CountPendingOutboxAsync(CancellationToken cancellationToken) => Task.FromException<long>(Down());
        public Task<OutboxStatus> GetOutboxStatusAsync(CancellationToken cancellationToken) => Task.FromException<OutboxStatus>(Down());
        public Task<int> PurgeSentOutboxAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken) => Task.FromException<int>(Down());
    }

    private sealed class StoreDownException() : DbException("connection refused (simulated)");
}
