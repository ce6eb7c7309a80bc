using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Ingest.Storage;

/// <summary>Ready when the store answers (part of /health/ready and the gRPC health service); reports the outbox backlog.</summary>
internal sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await store.CountPendingOutboxAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{pending} outbox events waiting", new Dictionary<string, object> { ["outboxPending"] = pending });
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The document store does not answer", ex);
        }
    }
}
