using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;
using Platform.Testing;
using RabbitMQ.Client;

namespace Platform.Ingest.Tests.Broker;

/// <summary>
/// Ingest on a real RabbitMQ (tests/Platform.Testing's broker) reached through a gate that can be closed: while the
/// broker is unreachable submissions are accepted and wait in the outbox; when it is back the relay publishes them
/// (with publisher confirms) to the proto-named exchange, where a plain RabbitMQ client reads them.
/// </summary>
public sealed class BrokerOutageTests(RabbitMqFixture rabbit) : IClassFixture<RabbitMqFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SubmitDocument_WhileTheBrokerIsUnreachable_IsAcceptedAndPublishedWhenItReturns()
    {
        // An independent subscriber, bound before anything is published (directly, not through the gate).
        await using var connection = await rabbit.ConnectAsync(Ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var exchange = DocumentSubmitted.Descriptor.FullName;
        var queue = RabbitMqFixture.UniqueName("ingest-outage");
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, cancellationToken: Ct);
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, cancellationToken: Ct);
        await channel.QueueBindAsync(queue, exchange, "", cancellationToken: Ct);

        await using var gate = new TcpGate(rabbit.AmqpUri.Host, rabbit.AmqpUri.IsDefaultPort ? 5672 : rabbit.AmqpUri.Port);
        var viaGate = new UriBuilder(rabbit.AmqpUri) { Host = "127.0.0.1", Port = gate.Port }.Uri.ToString();
        await using var app = await IngestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:rabbitmq"] = viaGate,
            ["Ingest:OutboxPublishTimeout"] = "00:00:02",
        });

        var response = await app.Client.SubmitDocumentAsync(new SubmitDocumentRequest { Text = Samples.Harbour, FileName = "harbour.txt" }, IngestApp.As(IngestApp.KeyA), cancellationToken: Ct);

        Assert.False(response.Duplicate);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        // The relay tries, times out against the closed gate, backs off and tries again.
        var waiting = await Eventually.GetAsync(() => store.GetOutboxStatusAsync(Ct), s => s.MaxAttempts >= 2 && s.LastError is not null, "two failed publish attempts");
        Assert.Equal(1, waiting.Pending);
        Assert.Null(await channel.BasicGetAsync(queue, autoAck: true, Ct));

        gate.Open();

        var delivered = await Eventually.GetAsync(() => channel.BasicGetAsync(queue, autoAck: true, Ct), r => r is not null, "the DocumentSubmitted after the broker returned", TimeSpan.FromSeconds(90));
        var evt = DocumentSubmitted.Parser.ParseFrom(delivered!.Body.Span);
        Assert.Equal(response.DocumentId, evt.DocumentId);
        Assert.Equal(IngestApp.TenantA, evt.Tenant);
        Assert.Equal("application/x-protobuf", delivered.BasicProperties.ContentType);
        await Eventually.GetAsync(() => store.CountPendingOutboxAsync(Ct), n => n == 0, "an empty outbox");
        await channel.QueueDeleteAsync(queue, cancellationToken: Ct);
    }
}
