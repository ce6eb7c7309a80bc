using System.Collections.Concurrent;
using Google.Protobuf;
using Platform.Contracts.Events.V1;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A subscriber written the way a team in another language would: the plain RabbitMQ client (no MassTransit), an
/// exclusive queue bound to each event's proto-named fanout exchange, bodies decoded with the generated parsers.
/// </summary>
public sealed class PlainEventSubscriber : IAsyncDisposable
{
    public const string ExtractedExchange = "platform.events.v1.DocumentExtracted";
    public const string FailedExchange = "platform.events.v1.ExtractionFailed";

    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<DocumentExtracted> _extracted = new();
    private readonly ConcurrentQueue<ExtractionFailed> _failed = new();
    private readonly ConcurrentQueue<string> _problems = new();

    private PlainEventSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public IReadOnlyCollection<DocumentExtracted> Extracted => _extracted;
    public IReadOnlyCollection<ExtractionFailed> Failed => _failed;

    /// <summary>Deliveries that were not valid protobuf of the expected type (should stay empty).</summary>
    public IReadOnlyCollection<string> Problems => _problems;

    public IEnumerable<DocumentExtracted> ExtractedFor(string documentId) => _extracted.Where(e => e.DocumentId == documentId);
    public IEnumerable<ExtractionFailed> FailedFor(string documentId) => _failed.Where(e => e.DocumentId == documentId);

    /// <summary>
    /// Connects and binds. The exchanges are declared by the services' bus topology, so this waits until they exist
    /// rather than declaring them itself (a declaration with other arguments would break the services).
    /// </summary>
    public static async Task<PlainEventSubscriber> StartAsync(Uri amqpUri, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var factory = new ConnectionFactory { Uri = amqpUri, ClientProvidedName = "e2e-independent-subscriber" };
        var connection = await factory.CreateConnectionAsync(cancellationToken);
        try
        {
            foreach (var exchange in new[] { ExtractedExchange, FailedExchange })
                await WaitForExchangeAsync(connection, exchange, timeout, cancellationToken);

            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            var subscriber = new PlainEventSubscriber(connection, channel);
            await subscriber.SubscribeAsync(ExtractedExchange, body => subscriber._extracted.Enqueue(DocumentExtracted.Parser.ParseFrom(body)), cancellationToken);
            await subscriber.SubscribeAsync(FailedExchange, body => subscriber._failed.Enqueue(ExtractionFailed.Parser.ParseFrom(body)), cancellationToken);
            return subscriber;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task SubscribeAsync(string exchange, Action<byte[]> handle, CancellationToken cancellationToken)
    {
        // Server-named, exclusive, auto-delete: this subscriber's own copy of every event, gone when it disconnects.
        var queue = await _channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
        await _channel.QueueBindAsync(queue.QueueName, exchange, routingKey: "", cancellationToken: cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(_channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            try
            {
                if (delivery.BasicProperties.ContentType is { } contentType && contentType != "application/x-protobuf")
                    _problems.Enqueue($"{exchange}: content type {contentType}");
                handle(delivery.Body.ToArray());
            }
            catch (InvalidProtocolBufferException ex)
            {
                _problems.Enqueue($"{exchange}: {ex.Message}");
            }

            return Task.CompletedTask;
        };
        await _channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer, cancellationToken);
    }

    private static async Task WaitForExchangeAsync(IConnection connection, string exchange, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            // A failed passive declare closes the channel, so every probe gets a fresh one.
            await using var probe = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await probe.ExchangeDeclarePassiveAsync(exchange, cancellationToken);
                return;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
