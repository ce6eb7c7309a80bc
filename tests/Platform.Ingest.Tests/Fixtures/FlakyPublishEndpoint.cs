using MassTransit;

namespace Platform.Ingest.Tests.Fixtures;

/// <summary>
/// A publish endpoint in front of the real bus that fails while <see cref="Available"/> is false, the way a publish
/// with confirms fails while the broker is down. Counts the publishes it let through.
/// </summary>
public sealed class FlakyPublishEndpoint(IPublishEndpoint inner) : IPublishEndpoint
{
    private int _failed;
    private int _published;

    public volatile bool Available = true;

    public int Failed => _failed;
    public int Published => _published;

    private Task Gate(Func<Task> publish)
    {
        if (!Available)
        {
            Interlocked.Increment(ref _failed);
            return Task.FromException(new InvalidOperationException("Broker unreachable (simulated)"));
        }

        Interlocked.Increment(ref _published);
        return publish();
    }

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => inner.ConnectPublishObserver(observer);

    public Task Publish<T>(T message, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish(message, cancellationToken));

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish(message, publishPipe, cancellationToken));

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish(message, publishPipe, cancellationToken));

    public Task Publish(object message, CancellationToken cancellationToken = default) => Gate(() => inner.Publish(message, cancellationToken));

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Gate(() => inner.Publish(message, publishPipe, cancellationToken));

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) =>
        Gate(() => inner.Publish(message, messageType, cancellationToken));

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Gate(() => inner.Publish(message, messageType, publishPipe, cancellationToken));

    public Task Publish<T>(object values, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish<T>(values, cancellationToken));

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish(values, publishPipe, cancellationToken));

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Gate(() => inner.Publish<T>(values, publishPipe, cancellationToken));
}
