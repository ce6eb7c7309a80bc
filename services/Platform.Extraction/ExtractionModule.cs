using Microsoft.Extensions.Options;
using Platform.Contracts.Ingest.V1;
using Platform.Extraction.Consumers;
using Platform.Extraction.Grpc;
using Platform.Extraction.Ingest;
using Platform.ServiceDefaults;

namespace Platform.Extraction;

/// <summary>Wiring of the Extraction module, shared by the Extraction host and the all-in-one host.</summary>
public static class ExtractionModule
{
    /// <summary>
    /// Options (section <c>Extraction</c>), the Ingest client (<c>Services:Ingest</c>, <c>Services:ApiKey</c>), the engine,
    /// and the DocumentSubmitted consumer on <see cref="DocumentSubmittedConsumer.EndpointName"/>.
    /// </summary>
    public static WebApplicationBuilder AddExtraction(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExtractionOptions>()
            .Bind(builder.Configuration.GetSection(ExtractionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.EngineTimeout > TimeSpan.Zero && o.IngestTimeout > TimeSpan.Zero, "Extraction timeouts must be positive")
            .ValidateOnStart();
        builder.Services.AddOptions<IngestServiceOptions>()
            .Bind(builder.Configuration.GetSection(IngestServiceOptions.Section))
            .Validate(o => Uri.TryCreate(o.Ingest, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https"),
                "Services:Ingest must be Ingest's gRPC address, e.g. http://ingest:8080")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "Services:ApiKey must be a service key (tenant \"*\" in Ingest's Auth:ApiKeys)")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IExtractor, EngineExtractor>();
        builder.Services.TryAddSingleton<GuardedExtractor>();
        // Content can be as large as Ingest accepts: lift the client's 4 MB default to the platform's message cap.
        var maxMessageBytes = builder.Configuration.GetValue("Grpc:MaxMessageBytes", ServiceDefaultsExtensions.DefaultMaxMessageBytes);
        builder.Services.AddGrpcClient<IngestService.IngestServiceClient>((sp, o) =>
                o.Address = new Uri(sp.GetRequiredService<IOptions<IngestServiceOptions>>().Value.Ingest!))
            .ConfigureChannel(c => c.MaxReceiveMessageSize = maxMessageBytes);
        builder.Services.TryAddTransient<IDocumentContentSource, IngestContentSource>();

        var concurrency = builder.Configuration.GetSection(ExtractionOptions.Section).Get<ExtractionOptions>()?.ConcurrentMessageLimit ?? new ExtractionOptions().ConcurrentMessageLimit;
        builder.Services.AddPlatformConsumers(x => x
            .AddConsumer<DocumentSubmittedConsumer>((_, c) => c.ConcurrentMessageLimit = concurrency)
            .Endpoint(e =>
            {
                e.Name = DocumentSubmittedConsumer.EndpointName;
                // Prefetch no more than a replica works on, so extra replicas (scaled on queue depth) get work.
                e.PrefetchCount = concurrency;
            }));
        return builder;
    }

    /// <summary>Maps the Extract RPC.</summary>
    public static WebApplication MapExtraction(this WebApplication app)
    {
        app.MapGrpcService<ExtractionGrpcService>();
        return app;
    }
}
