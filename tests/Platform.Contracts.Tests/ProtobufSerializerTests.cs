using Google.Protobuf;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Messaging;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Contracts.Tests;

public sealed class ProtobufSerializerTests
{
    private static DocumentExtracted SampleEvent()
    {
        var extraction = new ExtractionRecord { Title = "Harbour reopens", Body = "The harbour reopened on Monday.", PublishedAt = "2024-05-06" };
        extraction.Entities.Add(new Entity { Name = "Port Authority", Type = EntityType.Organization, Aliases = { "the Authority" }, MentionCount = 2 });
        extraction.Quotes.Add(new Quote { Text = "We are open for business again", Speaker = "Port Authority" });
        return new DocumentExtracted { EventId = "e1", DocumentId = "doc-1", Tenant = "acme", Extraction = extraction, EngineVersion = "1.0.0" };
    }

    [Fact]
    public void EntityNameFormatter_UsesProtoFullName()
    {
        var formatter = new ProtobufEntityNameFormatter(new MessageNameFormatterEntityNameFormatter(new MassTransit.Transports.DefaultMessageNameFormatter("::", "--", ":", "-")));

        Assert.Equal("platform.events.v1.DocumentExtracted", formatter.FormatEntityName<DocumentExtracted>());
        Assert.Equal("platform.events.v1.DocumentSubmitted", formatter.FormatEntityName<DocumentSubmitted>());
        Assert.Equal("platform.events.v1.ExtractionFailed", formatter.FormatEntityName<ExtractionFailed>());
    }

    [Fact]
    public void Parsers_FindGeneratedParser_AndRejectOtherTypes()
    {
        Assert.Same(DocumentSubmitted.Parser, ProtobufParsers.For(typeof(DocumentSubmitted)));
        Assert.Null(ProtobufParsers.For(typeof(string)));
    }

    [Fact]
    public async Task Publish_OverInMemoryBus_DeliversEqualMessageWithRepeatedFields()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<CollectingConsumer>();
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseProtobufContracts();
                    cfg.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var sent = SampleEvent();
        await harness.Bus.Publish(sent, TestContext.Current.CancellationToken);

        Assert.True(await harness.Consumed.Any<DocumentExtracted>(TestContext.Current.CancellationToken));
        var received = harness.Consumed.Select<DocumentExtracted>(TestContext.Current.CancellationToken).Single();
        Assert.Equal(sent, received.Context.Message);
        Assert.Equal("application/x-protobuf", received.Context.ReceiveContext.ContentType?.MediaType);
        Assert.Equal(sent.ToByteArray(), received.Context.ReceiveContext.Body.GetBytes());
    }

    [Fact]
    public async Task Publish_NonProtobufMessage_IsRefused()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(x => x.UsingInMemory((context, cfg) =>
            {
                cfg.UseProtobufContracts();
                cfg.ConfigureEndpoints(context);
            }))
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await Assert.ThrowsAnyAsync<Exception>(() => harness.Bus.Publish(new NotAContract("x"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Extraction_JsonForm_UsesEvaluationFieldNames()
    {
        var json = JsonFormatter.Default.Format(SampleEvent().Extraction);

        Assert.Contains("\"publishedAt\": \"2024-05-06\"", json);
        Assert.Contains("\"mentionCount\": 2", json);
        Assert.Contains("\"type\": \"ENTITY_TYPE_ORGANIZATION\"", json);
    }

    public sealed record NotAContract(string Value);

    public sealed class CollectingConsumer : IConsumer<DocumentExtracted>
    {
        public Task Consume(ConsumeContext<DocumentExtracted> context) => Task.CompletedTask;
    }
}
