using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Contracts.Messaging;

namespace Platform.ServiceDefaults;

/// <summary>Consumer registrations collected from every module before the bus is built once.</summary>
internal sealed class PlatformBusModules
{
    public List<Action<IBusRegistrationConfigurator>> Registrations { get; } = [];
}

/// <summary>Bus retry settings, section <c>Bus</c>.</summary>
public sealed class BusOptions
{
    public int RetryLimit { get; set; } = 5;
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
    public int PrefetchCount { get; set; } = 16;
}

public static class PlatformBusExtensions
{
    /// <summary>
    /// Adds consumers of one module. Call from AddIngest/AddExtraction/AddQuery; the bus itself is built
    /// by <see cref="AddPlatformBus"/>, so the all-in-one host can combine every module's consumers.
    /// </summary>
    public static IServiceCollection AddPlatformConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> configure)
    {
        Modules(services).Registrations.Add(configure);
        return services;
    }

    /// <summary>
    /// MassTransit with protobuf bodies: RabbitMQ when <c>ConnectionStrings:rabbitmq</c> is set (an AMQP URI),
    /// otherwise the in-memory transport (all-in-one and unit tests only).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformBus(this IHostApplicationBuilder builder)
    {
        var modules = Modules(builder.Services);
        var rabbit = builder.Configuration.GetConnectionString("rabbitmq");
        var options = builder.Configuration.GetSection("Bus").Get<BusOptions>() ?? new BusOptions();

        builder.Services.AddMassTransit(x =>
        {
            x.DisableUsageTelemetry();
            foreach (var register in modules.Registrations)
                register(x);

            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Fault<T> is not a protobuf contract; failures surface as ExtractionFailed or in the _error queue.
                endpoint.PublishFaults = false;
                endpoint.UseMessageRetry(r => r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, TimeSpan.FromMilliseconds(500)));
            });

            if (string.IsNullOrWhiteSpace(rabbit))
            {
                x.UsingInMemory((context, cfg) =>
                {
                    cfg.UseProtobufContracts();
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                var uri = new Uri(rabbit);
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(uri.Host, uri.IsDefaultPort || uri.Port <= 0 ? (ushort)5672 : (ushort)uri.Port, VirtualHost(uri), h =>
                    {
                        var user = uri.UserInfo.Split(':', 2);
                        h.Username(user.Length > 0 && user[0].Length > 0 ? Uri.UnescapeDataString(user[0]) : "guest");
                        h.Password(user.Length > 1 ? Uri.UnescapeDataString(user[1]) : "guest");
                        h.PublisherConfirmation = true;
                    });
                    // Bus-wide default; an endpoint that sets its own prefetch (Extraction) keeps it.
                    cfg.PrefetchCount = options.PrefetchCount;
                    cfg.UseProtobufContracts();
                    cfg.ConfigureEndpoints(context);
                });
            }
        });

        // The host must start even when the broker is down: Ingest keeps accepting into its outbox.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });
        return builder;
    }

    private static string VirtualHost(Uri uri)
    {
        var path = uri.AbsolutePath.Trim('/');
        return path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
    }

    private static PlatformBusModules Modules(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(PlatformBusModules))?.ImplementationInstance as PlatformBusModules;
        if (existing is not null)
            return existing;
        var modules = new PlatformBusModules();
        services.AddSingleton(modules);
        return modules;
    }
}
