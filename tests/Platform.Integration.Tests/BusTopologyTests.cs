using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;
using Platform.ServiceDefaults;
using Platform.Testing;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Integration.Tests;

/// <summary>The protobuf serializer and the proto-named topology on a real RabbitMQ.</summary>
public sealed class BusTopologyTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    private static DocumentExtracted RichEvent(string documentId)
    {
        var extraction = new ExtractionRecord
        {
            Title = "Trawler fleet returns to Kjøllefjord — «en god dag»",
            PublishedAt = "2025-03-14",
            Source = "Coastal Wire",
            Language = "en",
            Body = "The fleet came back on Friday.\n\nCatches were up 12 %.",
            Byline = "Ana Souza",
            Dateline = "KJØLLEFJORD",
            EngineVersion = "9.9.9",
            MediaType = "text/plain",
            Charset = "utf-8",
            Keyphrases = { "trawler fleet", "catches" },
            Summary = { "The fleet came back on Friday.", "Catches were up." },
        };
        extraction.Entities.Add(new Entity
        {
            Name = "Ana Souza",
            Type = EntityType.Person,
            Aliases = { "Souza", "A. Souza" },
            MentionCount = 3,
        });
        extraction.Entities.Add(new Entity { Name = "Kjøllefjord", Type = EntityType.Location, MentionCount = 1 });
        extraction.Quotes.Add(new Quote { Text = "It was a good day for everyone", Speaker = "Ana Souza" });
        extraction.Paragraphs.Add(new TextSpan { Start = 0, Length = 30 });
        extraction.Paragraphs.Add(new TextSpan { Start = 32, Length = 23 });
        return new DocumentExtracted
        {
            EventId = Guid.NewGuid().ToString(),
            DocumentId = documentId,
            Tenant = "acme",
            OccurredAt = Timestamp.FromDateTime(new DateTime(2025, 3, 14, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234560)),
            Extraction = extraction,
            EngineVersion = "9.9.9",
            DurationMs = 42,
        };
    }

    [Fact]
    public async Task PublishedDocumentExtracted_IsReadableByAPlainRabbitMqSubscriber_WithTheGeneratedParser()
    {
        await using var subscriber = await PlainSubscriber.StartAsync(rabbit.AmqpUri, "platform.events.v1.DocumentExtracted");
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString);
        var sent = RichEvent("doc-" + Guid.NewGuid().ToString("N"));

        await bus.Bus.Publish(sent, TestContext.Current.CancellationToken);

        var delivery = await subscriber.NextAsync(d => DocumentExtracted.Parser.ParseFrom(d.Body).DocumentId == sent.DocumentId);
        Assert.Equal("platform.events.v1.DocumentExtracted", delivery.Exchange);
        Assert.Equal("application/x-protobuf", delivery.ContentType);
        // The body is the bare protobuf encoding: no envelope around it.
        Assert.Equal(sent.ToByteArray(), delivery.Body);

        var received = DocumentExtracted.Parser.ParseFrom(delivery.Body);
        Assert.Equal(sent, received);
        Assert.Equal(2, received.Extraction.Entities.Count);
        Assert.Equal(["Souza", "A. Souza"], received.Extraction.Entities[0].Aliases);
        Assert.Equal(EntityType.Person, received.Extraction.Entities[0].Type);
        Assert.Equal("It was a good day for everyone", Assert.Single(received.Extraction.Quotes).Text);
        Assert.Equal(["trawler fleet", "catches"], received.Extraction.Keyphrases);
        Assert.Equal(32, received.Extraction.Paragraphs[1].Start);
        Assert.Equal("Trawler fleet returns to Kjøllefjord — «en god dag»", received.Extraction.Title);
        Assert.Equal(sent.OccurredAt, received.OccurredAt);
        Assert.Equal(42, received.DurationMs);

        var messageType = PlainSubscriber.HeaderString(delivery, "MT-MessageType") ?? PlainSubscriber.HeaderString(delivery, "MessageType");
        Assert.NotNull(messageType);
        Assert.StartsWith("urn:message:Platform.Contracts.Events.V1:DocumentExtracted", messageType);
        Assert.False(string.IsNullOrEmpty(delivery.MessageId));
    }

    [Fact]
    public async Task EventsPublishedFromRabbitMqClient_AreConsumedByAMassTransitConsumer()
    {
        // The reverse direction: a non-.NET publisher sends bare protobuf to the exchange with only a content type.
        var sink = new EventSink();
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString, services =>
        {
            services.AddSingleton(sink);
            services.AddPlatformConsumers(x => x.AddConsumer<AllEventsConsumer>().Endpoint(e => e.Name = RabbitMqFixture.UniqueName("it.raw-publisher")));
        });
        var failed = new ExtractionFailed { EventId = "e-raw", DocumentId = "doc-raw-" + Guid.NewGuid().ToString("N"), Tenant = "acme", Reason = "not text", ErrorCode = "undecodable" };

        await using var connection = await rabbit.ConnectAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        var properties = new RabbitMQ.Client.BasicProperties
        {
            ContentType = "application/x-protobuf",
            MessageId = Guid.NewGuid().ToString(),
            Headers = new Dictionary<string, object?> { ["MT-MessageType"] = "urn:message:Platform.Contracts.Events.V1:ExtractionFailed" },
        };
        await channel.BasicPublishAsync("platform.events.v1.ExtractionFailed", "", mandatory: false, properties, failed.ToByteArray(), TestContext.Current.CancellationToken);

        var got = await Eventually.GetAsync(() => Task.FromResult(sink.Of<ExtractionFailed>().FirstOrDefault(m => m.DocumentId == failed.DocumentId)), m => m is not null, "the raw ExtractionFailed");
        Assert.Equal(failed, got);
    }

    [Fact]
    public async Task BareProtobufWithoutAnyHeaders_ReachesASingleTypeConsumer()
    {
        var sink = new EventSink();
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString, services =>
        {
            services.AddSingleton(sink);
            services.AddPlatformConsumers(x => x.AddConsumer<SubmittedOnlyConsumer>().Endpoint(e => e.Name = RabbitMqFixture.UniqueName("it.headerless")));
        });
        var submitted = new DocumentSubmitted { EventId = "e-bare", DocumentId = "doc-bare-" + Guid.NewGuid().ToString("N"), Tenant = "acme", SizeBytes = 7 };

        await using var connection = await rabbit.ConnectAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        await channel.BasicPublishAsync("platform.events.v1.DocumentSubmitted", "", mandatory: false,
            new RabbitMQ.Client.BasicProperties { ContentType = "application/x-protobuf" }, submitted.ToByteArray(), TestContext.Current.CancellationToken);

        var got = await Eventually.GetAsync(() => Task.FromResult(sink.Of<DocumentSubmitted>().FirstOrDefault(m => m.DocumentId == submitted.DocumentId)), m => m is not null, "the bare DocumentSubmitted");
        Assert.Equal(submitted, got);
    }

    [Fact]
    public async Task AConsumerOverRabbitMq_ReceivesAllThreeEventTypes_AsProtobuf()
    {
        var sink = new EventSink();
        await using var bus = await PlatformBusHost.StartAsync(rabbit.ConnectionString, services =>
        {
            services.AddSingleton(sink);
            services.AddPlatformConsumers(x => x.AddConsumer<AllEventsConsumer>().Endpoint(e => e.Name = "it.all-events"));
        });
        var id = "doc-" + Guid.NewGuid().ToString("N");
        var submitted = new DocumentSubmitted
        {
            EventId = Guid.NewGuid().ToString(), DocumentId = id, Tenant = "acme", MediaType = "text/html", FileName = "a.html",
            ContentHash = new string('a', 64), SizeBytes = 1234, OccurredAt = Timestamp.FromDateTime(DateTime.UtcNow),
        };
        var extracted = RichEvent(id);
        var failed = new ExtractionFailed { EventId = Guid.NewGuid().ToString(), DocumentId = id, Tenant = "acme", Reason = "binary", ErrorCode = "undecodable", EngineVersion = "9.9.9" };
        var ct = TestContext.Current.CancellationToken;

        await bus.Bus.Publish(submitted, ct);
        await bus.Bus.Publish(extracted, ct);
        await bus.Bus.Publish(failed, ct);

        await Eventually.TrueAsync(() => sink.Received.Count >= 3, "three events");
        Assert.Equal(submitted, Assert.Single(sink.Of<DocumentSubmitted>()));
        Assert.Equal(extracted, Assert.Single(sink.Of<DocumentExtracted>()));
        Assert.Equal(failed, Assert.Single(sink.Of<ExtractionFailed>()));
        Assert.All(sink.Received, r => Assert.Equal("application/x-protobuf", r.ContentType));
    }
}
