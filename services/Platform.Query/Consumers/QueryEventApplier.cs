using Platform.Query.Storage;

namespace Platform.Query.Consumers;

/// <summary>Wakes WatchEvents streams after a commit. Each stream takes <see cref="Next"/> before it reads the store.</summary>
public sealed class QueryEventNotifier
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}

/// <summary>The one path from an event to the read model, shared by the three consumers.</summary>
public sealed class QueryEventApplier(IQueryStore store, QueryEventNotifier notifier, ILogger<QueryEventApplier> logger)
{
    public async Task<ApplyResult?> ApplyAsync(QueryEvent evt, CancellationToken cancellationToken)
    {
        if (evt.Validate() is { } problem)
        {
            // Retrying cannot fix a malformed event, and throwing would only delay it into the error queue.
            logger.LogError("Dropped {EventType} {EventId} for {DocumentId}: {Problem}", evt.EventType, evt.EventId, evt.DocumentId, problem);
            return null;
        }

        var result = await store.ApplyAsync(evt, cancellationToken);
        switch (result.Outcome)
        {
            case ApplyOutcome.Applied:
                notifier.Notify();
                logger.LogInformation("Applied {EventType} {EventId} for {DocumentId} (tenant {Tenant}) as #{Sequence}",
                    evt.EventType, evt.EventId, evt.DocumentId, evt.Tenant, result.Sequence);
                break;
            case ApplyOutcome.DuplicateEvent:
                logger.LogInformation("Skipped redelivered {EventType} {EventId} for {DocumentId}", evt.EventType, evt.EventId, evt.DocumentId);
                break;
            default:
                logger.LogInformation("Ignored {EventType} {EventId} for {DocumentId}: nothing new (engine {EngineVersion})",
                    evt.EventType, evt.EventId, evt.DocumentId, evt.EngineVersion);
                break;
        }

        return result;
    }
}
