using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Configuration;

namespace Platform.ServiceDefaults;

/// <summary>Who is calling: the tenant an API key maps to, or a service acting for any tenant.</summary>
public sealed record TenantContext(string TenantId, bool IsService)
{
    /// <summary>Tenant value in <c>Auth:ApiKeys</c> that marks a service key (cross-tenant, for Extraction).</summary>
    public const string ServiceTenant = "*";
}

public static class PlatformGrpc
{
    /// <summary>Metadata key carrying the API key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    internal const string CallerKey = "platform.caller";

    /// <summary>The authenticated caller; set by the API-key interceptor before any service method runs.</summary>
    public static TenantContext GetCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(CallerKey, out var caller) && caller is TenantContext tenant
            ? tenant
            : throw new RpcException(new Status(StatusCode.Unauthenticated, "No API key"));

    /// <summary>Metadata with the API key, for clients.</summary>
    public static Metadata ApiKeyMetadata(string apiKey) => new() { { ApiKeyHeader, apiKey } };
}

/// <summary>
/// Refuses calls without a known API key (Unauthenticated) and records the caller's tenant.
/// Health checks and reflection stay open so probes and grpcurl work.
/// </summary>
public sealed class ApiKeyInterceptor(IConfiguration configuration) : Interceptor
{
    private TenantContext Authenticate(ServerCallContext context)
    {
        if (context.Method.StartsWith("/grpc.health.", StringComparison.Ordinal) || context.Method.StartsWith("/grpc.reflection.", StringComparison.Ordinal))
            return new TenantContext("", IsService: false);

        var key = context.RequestHeaders.GetValue(PlatformGrpc.ApiKeyHeader);
        if (string.IsNullOrEmpty(key))
        {
            var authorization = context.RequestHeaders.GetValue("authorization");
            if (authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                key = authorization["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(key))
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"Missing API key: send metadata '{PlatformGrpc.ApiKeyHeader}'"));

        // Read on every call so keys rotated in configuration apply without a restart.
        var tenant = configuration.GetSection("Auth:ApiKeys")[key];
        if (string.IsNullOrWhiteSpace(tenant))
            throw new RpcException(new Status(StatusCode.Unauthenticated, "Unknown API key"));

        var caller = new TenantContext(tenant, tenant == TenantContext.ServiceTenant);
        context.UserState[PlatformGrpc.CallerKey] = caller;
        return caller;
    }

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Authenticate(context);
        return continuation(requestStream, responseStream, context);
    }
}
