using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Query.V1;
using Platform.Query.Tests.Fixtures;
using static Platform.Query.Tests.Grpc.GrpcTestHelpers;

namespace Platform.Query.Tests.Grpc;

/// <summary>One app (SQLite file, in-memory bus) shared by the read tests; each test uses its own document ids.</summary>
public sealed class QueryAppFixture : IAsyncLifetime
{
    public QueryApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await QueryApp.StartAsync();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

public sealed class QueryReadTests(QueryAppFixture fixture) : IClassFixture<QueryAppFixture>
{
    private QueryApp App => fixture.App;
    private QueryService.QueryServiceClient Client => fixture.App.Client;
    private static readonly Metadata AsA = QueryApp.As(QueryApp.KeyA);
    private static readonly Metadata AsB = QueryApp.As(QueryApp.KeyB);

    private async Task<string> PublishExtractedAsync(string tenant, string title, string body)
    {
        var id = Events.NewId("doc");
        await App.PublishAsync(Events.Submitted(tenant, id));
        await App.PublishAsync(Events.Extracted(tenant, id, title, body));
        await Eventually.GetAsync(
            async () => (await Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, tenant == QueryApp.TenantA ? AsA : AsB).ResponseAsync
                .ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null)),
            r => r?.Document.State == DocumentState.Extracted && r.Document.SubmittedAt is not null,
            $"document {id} extracted");
        return id;
    }

    [Fact]
    public async Task GetDocument_AfterEventsPublished_ReturnsDocumentAndExtraction()
    {
        var id = await PublishExtractedAsync(QueryApp.TenantA, "Lighthouse relit", Events.LighthouseBody);

        var response = await Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(id, response.Document.Id);
        Assert.Equal(QueryApp.TenantA, response.Document.Tenant);
        Assert.Equal(DocumentState.Extracted, response.Document.State);
        Assert.Equal("story.txt", response.Document.FileName);
        Assert.Equal("Lighthouse relit", response.Extraction.Title);
        Assert.Equal(Events.LighthouseBody, response.Extraction.Body);
    }

    [Fact]
    public async Task GetDocument_WhenOnlySubmitted_ReturnsSubmittedWithoutExtraction()
    {
        var id = Events.NewId("doc");
        await App.PublishAsync(Events.Submitted(QueryApp.TenantA, id));

        var response = await Eventually.GetAsync(
            () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, AsA).ResponseAsync.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null),
            r => r is not null, "submitted document");

        Assert.Equal(DocumentState.Submitted, response!.Document.State);
        Assert.Null(response.Extraction);
    }

    [Fact]
    public async Task Consumer_MalformedEvent_IsDroppedAndLaterEventsStillApply()
    {
        var broken = Events.Submitted(QueryApp.TenantA, Events.NewId("doc"));
        broken.EventId = "";
        await App.PublishAsync(broken);
        var id = await PublishExtractedAsync(QueryApp.TenantA, "Lighthouse relit", Events.LighthouseBody);

        Assert.Equal(id, (await Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, AsA, cancellationToken: TestContext.Current.CancellationToken)).Document.Id);
        await AssertStatus(StatusCode.NotFound, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = broken.DocumentId }, AsA).ResponseAsync);
    }

    [Fact]
    public async Task GetDocument_OtherTenantsDocument_ReturnsNotFound()
    {
        var id = await PublishExtractedAsync(QueryApp.TenantA, "Lighthouse relit", Events.LighthouseBody);

        await AssertStatus(StatusCode.NotFound, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = id }, AsB).ResponseAsync);
    }

    [Fact]
    public async Task GetDocument_UnknownId_ReturnsNotFound()
    {
        await AssertStatus(StatusCode.NotFound, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = "doc-nowhere" }, AsA).ResponseAsync);
    }

    [Fact]
    public async Task GetDocument_EmptyId_ReturnsInvalidArgument()
    {
        await AssertStatus(StatusCode.InvalidArgument, () => Client.GetDocumentAsync(new GetDocumentRequest(), AsA).ResponseAsync);
    }

    [Fact]
    public async Task GetDocument_WithoutApiKey_ReturnsUnauthenticated()
    {
        await AssertStatus(StatusCode.Unauthenticated, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = "x" }).ResponseAsync);
        await AssertStatus(StatusCode.Unauthenticated, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = "x" }, QueryApp.As("wrong-key")).ResponseAsync);
    }

    [Fact]
    public async Task GetDocument_WithServiceKey_ReturnsPermissionDenied()
    {
        await AssertStatus(StatusCode.PermissionDenied, () => Client.GetDocumentAsync(new GetDocumentRequest { DocumentId = "x" }, QueryApp.As(QueryApp.ServiceKey)).ResponseAsync);
    }

    [Fact]
    public async Task ListDocuments_WithPageToken_ReturnsEveryDocumentOnceAndOnlyTheCallersOwn()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
            mine.Add(await PublishExtractedAsync(QueryApp.TenantB, $"Ferry note {i}", Events.FerryBody));

        var seen = new List<DocumentSummary>();
        var token = "";
        do
        {
            var page = await Client.ListDocumentsAsync(new ListDocumentsRequest { PageSize = 2, PageToken = token }, AsB, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(page.Documents.Count <= 2);
            seen.AddRange(page.Documents);
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.All(seen, s => Assert.Equal(QueryApp.TenantB, s.Document.Tenant));
        Assert.Equal(seen.Count, seen.Select(s => s.Document.Id).Distinct().Count());
        Assert.Subset(seen.Select(s => s.Document.Id).ToHashSet(), mine.ToHashSet());
        Assert.Equal("Ferry note 4", seen.First(s => s.Document.Id == mine[4]).Title);
        Assert.Equal("Harbour Gazette", seen[0].Source);
    }

    [Fact]
    public async Task ListDocuments_StateFilter_ReturnsOnlyThatState()
    {
        var failed = Events.NewId("doc");
        await App.PublishAsync(Events.Failed(QueryApp.TenantA, failed, "undecodable bytes"));
        await Eventually.GetAsync(
            () => Client.ListDocumentsAsync(new ListDocumentsRequest { State = DocumentState.Failed, PageSize = 500 }, AsA).ResponseAsync,
            r => r.Documents.Any(d => d.Document.Id == failed), "failed document listed");

        var response = await Client.ListDocumentsAsync(new ListDocumentsRequest { State = DocumentState.Failed, PageSize = 500 }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(response.Documents, d => Assert.Equal(DocumentState.Failed, d.Document.State));
        Assert.Equal("undecodable bytes", response.Documents.Single(d => d.Document.Id == failed).Document.FailureReason);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("bDE6MA")] // "l1:0"
    public async Task ListDocuments_InvalidPageToken_ReturnsInvalidArgument(string token)
    {
        await AssertStatus(StatusCode.InvalidArgument, () => Client.ListDocumentsAsync(new ListDocumentsRequest { PageToken = token }, AsA).ResponseAsync);
    }

    [Fact]
    public async Task ListDocuments_NegativePageSize_ReturnsInvalidArgument()
    {
        await AssertStatus(StatusCode.InvalidArgument, () => Client.ListDocumentsAsync(new ListDocumentsRequest { PageSize = -1 }, AsA).ResponseAsync);
    }

    [Fact]
    public async Task SearchDocuments_ReturnsRankedHitsWithSnippet_ForTheCallerOnly()
    {
        var word = "zephyrine" + Guid.NewGuid().ToString("N")[..6];
        var strong = await PublishExtractedAsync(QueryApp.TenantA, $"The {word} returns", $"A {word} was seen over the harbour. Another {word} followed.");
        var weak = await PublishExtractedAsync(QueryApp.TenantA, "Harbour diary", $"Long notes about the quay, the tides and one {word} at dusk, among many other birds and boats.");
        await PublishExtractedAsync(QueryApp.TenantB, $"The {word} in tenant B", $"A {word} for tenant B.");

        var response = await Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = word }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([strong, weak], response.Hits.Select(h => h.Document.Document.Id));
        Assert.True(response.Hits[0].Score > response.Hits[1].Score);
        Assert.Contains($"**{word}**", response.Hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Equal($"The {word} returns", response.Hits[0].Document.Title);
        Assert.Equal("", response.NextPageToken);
    }

    [Fact]
    public async Task SearchDocuments_PageToken_WalksAllHitsAndIsBoundToTheQuery()
    {
        var word = "quillon" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
            await PublishExtractedAsync(QueryApp.TenantA, $"Note {i}", $"The {word} number {i}.");

        var first = await Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = word, PageSize = 2 }, AsA, cancellationToken: TestContext.Current.CancellationToken);
        var second = await Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = word, PageSize = 2, PageToken = first.NextPageToken }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, first.Hits.Count);
        Assert.Single(second.Hits);
        Assert.Equal("", second.NextPageToken);
        Assert.Equal(3, first.Hits.Concat(second.Hits).Select(h => h.Document.Document.Id).Distinct().Count());
        await AssertStatus(StatusCode.InvalidArgument, () =>
            Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = "lighthouse", PageToken = first.NextPageToken }, AsA).ResponseAsync);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\"")]
    [InlineData("&& || () *")]
    public async Task SearchDocuments_WithoutWords_ReturnsInvalidArgument(string query)
    {
        await AssertStatus(StatusCode.InvalidArgument, () => Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = query }, AsA).ResponseAsync);
    }

    [Fact]
    public async Task SearchDocuments_TooLongQuery_ReturnsInvalidArgument()
    {
        await AssertStatus(StatusCode.InvalidArgument, () => Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = new string('a', 5000) }, AsA).ResponseAsync);
    }

    [Theory]
    [InlineData("lighthouse\" OR \"x")]
    [InlineData("NEAR(a b) title:x ^y -z")]
    [InlineData("'; DROP TABLE query_documents; --")]
    public async Task SearchDocuments_OperatorsAndQuotes_AreSearchedSafely(string query)
    {
        var response = await Client.SearchDocumentsAsync(new SearchDocumentsRequest { Query = query }, AsA, cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotNull(response);
    }
}
