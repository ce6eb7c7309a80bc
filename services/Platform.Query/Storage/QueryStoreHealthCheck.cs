using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Query.Storage;

/// <summary>Ready when the store answers a query (part of /health/ready and the gRPC health service).</summary>
internal sealed class QueryStoreHealthCheck(IQueryStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var last = await store.GetLastSequenceAsync(cancellationToken);
            return HealthCheckResult.Healthy($"event log at #{last}");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The query store does not answer", ex);
        }
    }
}
