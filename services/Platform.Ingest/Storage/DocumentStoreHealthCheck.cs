using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Ingest.Storage;

/// <summary>Ready when the store answers (part of /health/ready and the gRPC health service); reports the outbox backlog.</summary>
internal sealed class DocumentStoreHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A backlog is not unhealthy: Ingest keeps accepting while the broker is away. It is reported for operators.
            var outbox = await store.GetOutboxStatusAsync(cancellationToken);
            var data = new Dictionary<string, object> { ["outboxPending"] = outbox.Pending, ["outboxMaxAttempts"] = outbox.MaxAttempts };
            if (outbox.LastError is not null)
                data["outboxLastError"] = outbox.LastError;
            return HealthCheckResult.Healthy($"{outbox.Pending} outbox events waiting", data);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The document store does not answer", ex);
        }
    }
}
