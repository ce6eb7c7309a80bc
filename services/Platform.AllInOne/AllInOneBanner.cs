using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Platform.ServiceDefaults;

namespace Platform.AllInOne;

/// <summary>Tells a first-time user where the platform listens and which key to use.</summary>
internal static class AllInOneBanner
{
    public static void Print(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.AllInOne");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var devKey = app.Configuration.GetSection("Auth:ApiKeys").GetChildren()
            .FirstOrDefault(k => k.Value is not null && k.Value != TenantContext.ServiceTenant);
        logger.LogInformation("Platform all-in-one listening on {Addresses} (gRPC, plain-text HTTP/2)", string.Join(", ", addresses));
        if (devKey is not null)
            logger.LogInformation("Local development API key: {ApiKey} (tenant {Tenant}); e.g. dotnet run --project clients/Platform.Cli -- submit samples/news --wait", devKey.Key, devKey.Value);
    }
}
