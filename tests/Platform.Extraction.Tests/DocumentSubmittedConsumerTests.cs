using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Messaging;
using Platform.Extraction.Consumers;
using Platform.Extraction.Engine;
using Platform.Extraction.Ingest;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction.Tests;

/// <summary>The consumer on MassTransit's in-memory test harness, with a scripted Ingest and engine.</summary>
public sealed class DocumentSubmittedConsumerTests
{
    private const int Retries = 2;
    private static readonly byte[] Article = Encoding.UTF8.GetBytes("Harbour reopens after storm\n\nThe harbour reopened on Monday.");

    private static DocumentSubmitted Submitted(string id, string tenant = "acme") => new()
    {
        EventId = Guid.NewGuid().ToString(),
        DocumentId = id,
        Tenant = tenant,
        MediaType = "text/plain",
        FileName = "event-name.txt",
    };

    private static async Task<(ServiceProvider Provider, ITestHarness Harness)> StartAsync(FakeContentSource source, IExtractor extractor, TimeSpan? engineTimeout = null, CapturingLoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            if (logs is not null)
                b.AddProvider(logs);
        });
        services.AddSingleton<IDocumentContentSource>(source);
        services.AddSingleton(extractor);
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<ExtractionOptions>().Configure(o => o.EngineTimeout = engineTimeout ?? TimeSpan.FromSeconds(30));
        services.AddSingleton<GuardedExtractor>();
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<DocumentSubmittedConsumer>().Endpoint(e => e.Name = DocumentSubmittedConsumer.EndpointName);
            // The platform bus retries with backoff; immediate retries keep the unit tests fast with the same contract.
            // Same endpoint settings as AddPlatformBus: no Fault<T> (not a protobuf contract), bounded retries.
            x.AddConfigureEndpointsCallback((_, _, e) =>
            {
                e.PublishFaults = false;
                e.UseMessageRetry(r => r.Immediate(Retries));
            });
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseProtobufContracts();
                cfg.ConfigureEndpoints(context);
            });
        });
        var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness);
    }

    private static async Task<T> SinglePublishedAsync<T>(ITestHarness harness, string documentId)
        where T : class, Google.Protobuf.IMessage
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.True(await harness.Published.Any<T>(ct), $"no {typeof(T).Name} was published");
        var message = Assert.Single(harness.Published.Select<T>(ct)).Context.Message;
        Assert.Equal(documentId, message.Descriptor.FindFieldByName("document_id").Accessor.GetValue(message));
        return message;
    }

    [Fact]
    public async Task Consume_WhenContentIsReadable_PublishesDocumentExtractedWithVersionAndDuration()
    {
        var source = new FakeContentSource().Returns("doc-1", "acme", Article, "text/plain", "harbour.txt");
        var extractor = new FakeExtractor();
        var (provider, harness) = await StartAsync(source, extractor);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-1"), TestContext.Current.CancellationToken);

        var extracted = await SinglePublishedAsync<DocumentExtracted>(harness, "doc-1");
        Assert.Equal("acme", extracted.Tenant);
        Assert.Equal("Harbour reopens after storm", extracted.Extraction.Title);
        Assert.Equal(FakeExtractor.FakeVersion, extracted.EngineVersion);
        Assert.Equal(FakeExtractor.FakeVersion, extracted.Extraction.EngineVersion);
        Assert.True(extracted.DurationMs >= 0);
        Assert.NotNull(extracted.OccurredAt);
        Assert.False(string.IsNullOrEmpty(extracted.EventId));
        Assert.False(await harness.Published.Any<ExtractionFailed>(TestContext.Current.CancellationToken));
        Assert.Equal(1, source.Calls("doc-1"));
        var headers = harness.Published.Select<DocumentExtracted>(TestContext.Current.CancellationToken).Single().Context.Headers;
        Assert.Equal("acme", headers.Get<string>("platform-tenant"));
        Assert.Equal("doc-1", headers.Get<string>("platform-document-id"));
    }

    [Fact]
    public async Task Consume_WithTheRealEngine_ExtractsTitleAndBodyFromHtml()
    {
        var html = Encoding.UTF8.GetBytes(
            "<html><head><title>Ferry service resumes on the northern route</title></head><body>" +
            "<nav>Home | World | Subscribe</nav><article><h1>Ferry service resumes on the northern route</h1>" +
            "<p>The ferry operator restarted crossings on Tuesday after a week of repairs to the landing stage.</p>" +
            "<p>Passengers queued from early morning, and the first boat left the harbour at seven.</p></article></body></html>");
        var source = new FakeContentSource().Returns("doc-html", "acme", html, "text/html", "ferry.html");
        var (provider, harness) = await StartAsync(source, new EngineExtractor());
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-html"), TestContext.Current.CancellationToken);

        var extracted = await SinglePublishedAsync<DocumentExtracted>(harness, "doc-html");
        Assert.Equal(Platform.Extraction.Engine.EngineInfo.Version, extracted.EngineVersion);
        Assert.Contains("Ferry service resumes", extracted.Extraction.Title);
        Assert.Contains("restarted crossings on Tuesday", extracted.Extraction.Body);
        Assert.DoesNotContain("Subscribe", extracted.Extraction.Body);
    }

    [Fact]
    public async Task Consume_WithTheRealEngine_BinaryGarbage_PublishesExtractionFailed()
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        var source = new FakeContentSource().Returns("doc-garbage", "acme", garbage, "application/octet-stream", "blob.bin");
        var (provider, harness) = await StartAsync(source, new EngineExtractor());
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-garbage"), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, "doc-garbage");
        Assert.Contains(failed.ErrorCode, new[] { "unsupported_media_type", "undecodable" });
        Assert.False(string.IsNullOrWhiteSpace(failed.Reason));
    }

    [Fact]
    public async Task Consume_UsesIngestsStoredMediaTypeAndFileName_ForTheEngine()
    {
        var source = new FakeContentSource().Returns("doc-mt", "acme", Article, "text/html", "stored.html");
        var extractor = new FakeExtractor();
        var (provider, harness) = await StartAsync(source, extractor);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-mt"), TestContext.Current.CancellationToken);
        await SinglePublishedAsync<DocumentExtracted>(harness, "doc-mt");

        var input = Assert.Single(extractor.Inputs);
        Assert.Equal(Article, input.Content);
        Assert.Equal("text/html", input.MediaType);
        Assert.Equal("stored.html", input.FileName);
    }

    [Theory]
    [InlineData(ExtractionErrorCode.Undecodable, "undecodable")]
    [InlineData(ExtractionErrorCode.UnsupportedMediaType, "unsupported_media_type")]
    [InlineData(ExtractionErrorCode.Empty, "empty")]
    [InlineData(ExtractionErrorCode.TooLarge, "too_large")]
    public async Task Consume_WhenEngineRejectsInput_PublishesExtractionFailedOnce_WithoutRetrying(ExtractionErrorCode code, string errorCode)
    {
        var id = "doc-bad-" + code;
        var source = new FakeContentSource().Returns(id, "acme", [0x00, 0xFF, 0x10]);
        var extractor = new FakeExtractor((_, _, _) => throw new ExtractionException(code, "the bytes are not text"));
        var (provider, harness) = await StartAsync(source, extractor);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted(id), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, id);
        Assert.Equal(errorCode, failed.ErrorCode);
        Assert.Equal("the bytes are not text", failed.Reason);
        Assert.Equal("acme", failed.Tenant);
        Assert.Equal(FakeExtractor.FakeVersion, failed.EngineVersion);
        Assert.Equal(1, source.Calls(id));
        Assert.False(await harness.Published.Any<DocumentExtracted>(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(StatusCode.NotFound, "not_found")]
    [InlineData(StatusCode.InvalidArgument, "invalid_argument")]
    public async Task Consume_WhenIngestAnswersPermanently_PublishesExtractionFailed(StatusCode status, string errorCode)
    {
        var id = "doc-ingest-" + status;
        var source = new FakeContentSource().Fails(id, status);
        var (provider, harness) = await StartAsync(source, new FakeExtractor());
        await using var _ = provider;

        await harness.Bus.Publish(Submitted(id), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, id);
        Assert.Equal(errorCode, failed.ErrorCode);
        Assert.Contains(status.ToString(), failed.Reason);
        Assert.Equal(1, source.Calls(id));
    }

    [Fact]
    public async Task Consume_WhenIngestIsUnavailableThenRecovers_RetriesAndPublishesExtracted()
    {
        var source = new FakeContentSource()
            .FailsOnce("doc-flaky", StatusCode.Unavailable)
            .FailsOnce("doc-flaky", StatusCode.DeadlineExceeded)
            .Returns("doc-flaky", "acme", Article);
        var (provider, harness) = await StartAsync(source, new FakeExtractor());
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-flaky"), TestContext.Current.CancellationToken);

        await SinglePublishedAsync<DocumentExtracted>(harness, "doc-flaky");
        Assert.Equal(3, source.Calls("doc-flaky"));
        Assert.False(await harness.Published.Any<ExtractionFailed>(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Consume_WhenIngestStaysUnavailable_FaultsAfterBoundedRetries_WithoutPublishing()
    {
        var source = new FakeContentSource().Fails("doc-down", StatusCode.Unavailable);
        var (provider, harness) = await StartAsync(source, new FakeExtractor());
        await using var _ = provider;
        var ct = TestContext.Current.CancellationToken;

        await harness.Bus.Publish(Submitted("doc-down"), ct);

        Assert.True(await harness.Consumed.Any<DocumentSubmitted>(ct));
        var consumed = harness.Consumed.Select<DocumentSubmitted>(ct).ToList();
        Assert.True(consumed.Any(m => m.Exception is RpcException { StatusCode: StatusCode.Unavailable }), string.Join(",", consumed.Select(m => m.Exception?.GetType().Name ?? "ok")));
        Assert.Equal(1 + Retries, source.Calls("doc-down"));
        Assert.False(await harness.Published.Any<DocumentExtracted>(ct));
        Assert.False(await harness.Published.Any<ExtractionFailed>(ct));
    }

    [Fact]
    public async Task Consume_WhenEngineRunsPastTheLimit_PublishesExtractionFailedTimeout()
    {
        using var release = new ManualResetEventSlim();
        var source = new FakeContentSource().Returns("doc-slow", "acme", Article);
        var extractor = new FakeExtractor((_, _, _) =>
        {
            release.Wait(TimeSpan.FromSeconds(30));
            return new ExtractionRecord();
        });
        var (provider, harness) = await StartAsync(source, extractor, engineTimeout: TimeSpan.FromMilliseconds(200));
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-slow"), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, "doc-slow");
        release.Set();
        Assert.Equal("timeout", failed.ErrorCode);
        Assert.Equal(1, source.Calls("doc-slow"));
    }

    [Fact]
    public async Task Consume_WhenEngineCrashes_PublishesExtractionFailedEngineError_InsteadOfLooping()
    {
        var source = new FakeContentSource().Returns("doc-crash", "acme", Article);
        var extractor = new FakeExtractor((_, _, _) => throw new IndexOutOfRangeException("bug"));
        var (provider, harness) = await StartAsync(source, extractor);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-crash"), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, "doc-crash");
        Assert.Equal("engine_error", failed.ErrorCode);
        Assert.Contains("IndexOutOfRangeException", failed.Reason);
        Assert.Equal(1, source.Calls("doc-crash"));
    }

    [Fact]
    public async Task Consume_WhenIngestReturnsAnotherTenantsDocument_PublishesTenantMismatch()
    {
        var source = new FakeContentSource().Returns("doc-x", "other-tenant", Article);
        var extractor = new FakeExtractor();
        var (provider, harness) = await StartAsync(source, extractor);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-x", tenant: "acme"), TestContext.Current.CancellationToken);

        var failed = await SinglePublishedAsync<ExtractionFailed>(harness, "doc-x");
        Assert.Equal("tenant_mismatch", failed.ErrorCode);
        Assert.Empty(extractor.Inputs);
    }

    [Fact]
    public async Task Consume_SameDocumentTwice_PublishesTheSameEventId()
    {
        var source = new FakeContentSource().Returns("doc-twice", "acme", Article);
        var (provider, harness) = await StartAsync(source, new FakeExtractor());
        await using var _ = provider;
        var ct = TestContext.Current.CancellationToken;

        await harness.Bus.Publish(Submitted("doc-twice"), ct);
        await harness.Bus.Publish(Submitted("doc-twice"), ct);

        await Platform.Testing.Eventually.TrueAsync(() => harness.Published.Select<DocumentExtracted>(ct).Count() == 2, "two DocumentExtracted");
        var ids = harness.Published.Select<DocumentExtracted>(ct).Select(m => m.Context.Message.EventId).Distinct();
        Assert.Single(ids);
    }

    [Fact]
    public async Task Consume_WithoutDocumentId_PublishesNothingAndDoesNotFault()
    {
        var source = new FakeContentSource();
        var (provider, harness) = await StartAsync(source, new FakeExtractor());
        await using var _ = provider;
        var ct = TestContext.Current.CancellationToken;

        await harness.Bus.Publish(Submitted(""), ct);

        Assert.True(await harness.Consumed.Any<DocumentSubmitted>(m => m.Exception is null, ct));
        Assert.Equal(0, source.Calls(""));
        Assert.False(await harness.Published.Any<DocumentExtracted>(ct));
        Assert.False(await harness.Published.Any<ExtractionFailed>(ct));
    }

    [Fact]
    public async Task Consume_LogsWithTheDocumentIdInScope()
    {
        var logs = new CapturingLoggerProvider();
        var source = new FakeContentSource().Returns("doc-log", "acme", Article);
        var (provider, harness) = await StartAsync(source, new FakeExtractor(), logs: logs);
        await using var _ = provider;

        await harness.Bus.Publish(Submitted("doc-log"), TestContext.Current.CancellationToken);
        await SinglePublishedAsync<DocumentExtracted>(harness, "doc-log");

        var entry = Assert.Single(logs.Entries, e => e.Category == typeof(DocumentSubmittedConsumer).FullName && e.Message.StartsWith("Extracted", StringComparison.Ordinal));
        Assert.Equal("doc-log", entry.Scope["DocumentId"]);
        Assert.Equal("acme", entry.Scope["Tenant"]);
    }

    [Fact]
    public void EventId_IsStablePerDocumentAndVersion_AndDiffersByKind()
    {
        Assert.Equal(DocumentSubmittedConsumer.EventId("extracted", "d", "1"), DocumentSubmittedConsumer.EventId("extracted", "d", "1"));
        Assert.NotEqual(DocumentSubmittedConsumer.EventId("extracted", "d", "1"), DocumentSubmittedConsumer.EventId("extracted", "d", "2"));
        Assert.NotEqual(DocumentSubmittedConsumer.EventId("extracted", "d", "1"), DocumentSubmittedConsumer.EventId("failed", "d", "1"));
        Assert.True(Guid.TryParse(DocumentSubmittedConsumer.EventId("failed", "d", "1"), out _));
    }
}
