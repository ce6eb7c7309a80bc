using Google.Protobuf;
using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events.V1;
using Platform.Ingest.Storage;

namespace Platform.Ingest.Outbox;

/// <summary>
/// Publishes committed outbox rows, oldest first, and marks them sent. When the broker does not answer (publisher
/// confirms are on for RabbitMQ) the claimed rows are released and the relay backs off, so submissions keep being
/// accepted and their events go out once the broker is back. Delivery is at least once: a relay that dies after a
/// publish but before marking the row sent publishes it again after the claim lease ends (consumers are idempotent,
/// and the MessageId is the event id).
/// </summary>
public sealed class OutboxRelay(
    IDocumentStore store,
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptionsMonitor<IngestOptions> options,
    TimeProvider time,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly Dictionary<string, MessageParser> Parsers = new()
    {
        [DocumentSubmitted.Descriptor.FullName] = DocumentSubmitted.Parser,
    };

    private DateTimeOffset _nextPurge = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var settings = options.CurrentValue;
            try
            {
                var outcome = await RelayOnceAsync(stoppingToken);
                if (outcome.Failed)
                {
                    failures++;
                    var delay = Backoff(failures, settings);
                    logger.LogWarning("Outbox publish failed ({Attempt} in a row), retrying in {Delay}: {Reason}", failures, delay, outcome.Error);
                    await Task.Delay(delay, time, stoppingToken);
                    continue;
                }

                if (failures > 0)
                    logger.LogInformation("Outbox publishing recovered after {Failures} failed attempts", failures);
                failures = 0;
                await PurgeIfDueAsync(settings, stoppingToken);
                if (outcome.Published < settings.OutboxBatchSize)
                    await signal.WaitAsync(settings.OutboxPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The store itself failed (database down): keep the relay alive and try again later.
                failures++;
                var delay = Backoff(failures, settings);
                logger.LogError(ex, "Outbox relay round failed, retrying in {Delay}", delay);
                try
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>One claim-publish-mark round.</summary>
    internal async Task<RelayOutcome> RelayOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var batch = await store.ClaimOutboxAsync(settings.OutboxBatchSize, settings.OutboxClaimLease, cancellationToken);
        if (batch.Count == 0)
            return new RelayOutcome(0, null);

        var sent = new List<long>(batch.Count);
        await using var scope = scopes.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        for (var i = 0; i < batch.Count; i++)
        {
            var row = batch[i];
            if (!Parsers.TryGetValue(row.EventType, out var parser))
            {
                // Written by a newer version of this service; leave it for a relay that knows the type.
                logger.LogError("Outbox row {OutboxId} has unknown event type {EventType}; left unsent", row.Id, row.EventType);
                await store.ReleaseAsync([row.Id], $"unknown event type {row.EventType}", CancellationToken.None);
                continue;
            }

            try
            {
                var message = parser.ParseFrom(row.Payload);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(settings.OutboxPublishTimeout);
                await PublishAsync(publisher, message, row, timeout.Token);
                sent.Add(row.Id);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep order: the failed row and everything after it go back to the outbox for the next round.
                await store.MarkSentAsync(sent, CancellationToken.None);
                var error = ex is OperationCanceledException ? $"no confirmation within {settings.OutboxPublishTimeout}" : ex.Message;
                await store.ReleaseAsync(batch.Skip(i).Select(r => r.Id).ToList(), error, CancellationToken.None);
                return new RelayOutcome(sent.Count, error);
            }
            catch (OperationCanceledException)
            {
                // Shutting down: what was published is recorded; the rest is released for the next start or replica.
                await store.MarkSentAsync(sent, CancellationToken.None);
                await store.ReleaseAsync(batch.Skip(i).Select(r => r.Id).ToList(), "relay stopped", CancellationToken.None);
                throw;
            }
        }

        await store.MarkSentAsync(sent, CancellationToken.None);
        logger.LogDebug("Published {Count} outbox events", sent.Count);
        return new RelayOutcome(sent.Count, null);
    }

    private Task PublishAsync(IPublishEndpoint publisher, IMessage message, OutboxMessage row, CancellationToken cancellationToken)
    {
        // The event id doubles as MessageId so a broker-side or consumer-side dedupe can key on it.
        Guid.TryParse(row.EventId, out var messageId);
        return message switch
        {
            DocumentSubmitted submitted => publisher.Publish(submitted, ctx =>
            {
                if (messageId != Guid.Empty)
                    ctx.MessageId = messageId;
                ctx.Headers.Set("platform-tenant", row.Tenant);
                ctx.Headers.Set("platform-document-id", row.DocumentId);
            }, cancellationToken),
            _ => throw new InvalidOperationException($"No publisher for {message.Descriptor.FullName}"),
        };
    }

    private async Task PurgeIfDueAsync(IngestOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextPurge)
            return;
        _nextPurge = now.AddHours(1);
        var deleted = await store.PurgeSentOutboxAsync(now - settings.OutboxRetention, cancellationToken);
        if (deleted > 0)
            logger.LogInformation("Purged {Count} sent outbox rows older than {Retention}", deleted, settings.OutboxRetention);
    }

    internal static TimeSpan Backoff(int failures, IngestOptions settings)
    {
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var delay = TimeSpan.FromMilliseconds(settings.OutboxRetryMinDelay.TotalMilliseconds * factor);
        return delay > settings.OutboxRetryMaxDelay ? settings.OutboxRetryMaxDelay : delay;
    }

    internal readonly record struct RelayOutcome(int Published, string? Error)
    {
        public bool Failed => Error is not null;
    }
}
