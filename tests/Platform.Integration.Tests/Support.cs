using System.Collections.Concurrent;
using System.Threading.Channels;
using Google.Protobuf;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Events.V1;
using Platform.ServiceDefaults;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Platform.Integration.Tests;

/// <summary>A MassTransit bus exactly as the services build it (AddPlatformBus), on the fixture's broker.</summary>
internal sealed class PlatformBusHost : IAsyncDisposable
{
    private readonly IHost _host;

    private PlatformBusHost(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();
    public IServiceProvider Services => _host.Services;

    public static async Task<PlatformBusHost> StartAsync(string amqpUri, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:rabbitmq"] = amqpUri });
        configure?.Invoke(builder.Services);
        builder.AddPlatformBus();
        var host = builder.Build();
        await host.StartAsync();
        // AddPlatformBus does not wait for the broker at start-up (Ingest must start without it); tests do.
        var health = await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        if (health != BusHealthStatus.Healthy)
            throw new InvalidOperationException($"The bus did not connect to {amqpUri}: {health}");
        return new PlatformBusHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Every platform event a MassTransit consumer received, for assertions.</summary>
public sealed class EventSink
{
    public ConcurrentQueue<(IMessage Message, string? ContentType)> Received { get; } = new();

    public IEnumerable<T> Of<T>() => Received.Select(r => r.Message).OfType<T>();
}

/// <summary>Consumes all three events on one queue, like a downstream service would.</summary>
public sealed class AllEventsConsumer(EventSink sink) : IConsumer<DocumentSubmitted>, IConsumer<DocumentExtracted>, IConsumer<ExtractionFailed>
{
    public Task Consume(ConsumeContext<DocumentSubmitted> context) => Record(context);

    public Task Consume(ConsumeContext<DocumentExtracted> context) => Record(context);

    public Task Consume(ConsumeContext<ExtractionFailed> context) => Record(context);

    private Task Record<T>(ConsumeContext<T> context)
        where T : class, IMessage
    {
        sink.Received.Enqueue((context.Message, context.ReceiveContext.ContentType?.MediaType));
        return Task.CompletedTask;
    }
}

/// <summary>
/// A subscriber that knows nothing of MassTransit: plain RabbitMQ.Client 7, a server-named queue bound to a proto-named
/// fanout exchange, bodies parsed with the generated parser — what a subscriber in another language does.
/// </summary>
internal sealed class PlainSubscriber : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly Channel<Delivery> _deliveries = Channel.CreateUnbounded<Delivery>();

    public sealed record Delivery(byte[] Body, string? ContentType, string? MessageId, IDictionary<string, object?> Headers, string Exchange);

    private PlainSubscriber(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    public static async Task<PlainSubscriber> StartAsync(Uri amqpUri, params string[] exchanges)
    {
        var connection = await new ConnectionFactory { Uri = amqpUri, ClientProvidedName = "plain-subscriber" }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var subscriber = new PlainSubscriber(connection, channel);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        foreach (var exchange in exchanges)
        {
            // Same declaration MassTransit makes (durable fanout), so whichever side comes first, both agree.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue.QueueName, exchange, "");
        }

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, e) =>
        {
            // The body memory is only valid inside the handler.
            var headers = e.BasicProperties.Headers is null ? new Dictionary<string, object?>() : new Dictionary<string, object?>(e.BasicProperties.Headers);
            await subscriber._deliveries.Writer.WriteAsync(new Delivery(e.Body.ToArray(), e.BasicProperties.ContentType, e.BasicProperties.MessageId, headers, e.Exchange));
            await channel.BasicAckAsync(e.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: false, consumer);
        return subscriber;
    }

    /// <summary>The next delivery that satisfies <paramref name="match"/>; others are dropped.</summary>
    public async Task<Delivery> NextAsync(Func<Delivery, bool> match, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            while (true)
            {
                var delivery = await _deliveries.Reader.ReadAsync(cts.Token);
                if (match(delivery))
                    return delivery;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No matching delivery arrived on the plain subscriber's queue");
        }
    }

    public static string? HeaderString(Delivery d, string key) =>
        d.Headers.TryGetValue(key, out var value) ? value switch
        {
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            null => null,
            _ => value.ToString(),
        } : null;

    public async ValueTask DisposeAsync()
    {
        await _channel.CloseAsync();
        await _connection.CloseAsync();
        _channel.Dispose();
        _connection.Dispose();
    }
}

/// <summary>
/// Classes whose Extraction instances consume extraction.document-submitted run one after another, so that on a
/// broker where the fixture cannot create a virtual host per test they do not take each other's messages.
/// </summary>
[CollectionDefinition(ExtractionQueue.Name)]
public sealed class ExtractionQueue
{
    public const string Name = "extraction.document-submitted queue";
}

/// <summary>Consumes DocumentSubmitted only.</summary>
public sealed class SubmittedOnlyConsumer(EventSink sink) : IConsumer<DocumentSubmitted>
{
    public Task Consume(ConsumeContext<DocumentSubmitted> context)
    {
        sink.Received.Enqueue((context.Message, context.ReceiveContext.ContentType?.MediaType));
        return Task.CompletedTask;
    }
}
