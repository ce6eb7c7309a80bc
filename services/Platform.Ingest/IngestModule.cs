using Platform.Ingest.Documents;
using Platform.Ingest.Grpc;
using Platform.Ingest.Outbox;
using Platform.Ingest.Storage;
using Platform.ServiceDefaults;

namespace Platform.Ingest;

/// <summary>Wiring of the Ingest module, shared by the Ingest host and the all-in-one host.</summary>
public static class IngestModule
{
    /// <summary>Options (section <c>Ingest</c>), the store chosen by <c>ConnectionStrings:documents</c>, the outbox relay.</summary>
    public static WebApplicationBuilder AddIngest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .Bind(builder.Configuration.GetSection(IngestOptions.Section))
            .Validate(o => o.MaxDocumentBytes > 0 && o.MaxBatchItems > 0 && o.OutboxBatchSize > 0, "Ingest limits must be positive")
            // A document is held in one array while it is hashed and stored.
            .Validate(o => o.MaxDocumentBytes <= Array.MaxLength, $"Ingest:MaxDocumentBytes cannot exceed {Array.MaxLength}")
            .Validate(o => o.OutboxPollInterval > TimeSpan.Zero && o.OutboxClaimLease > TimeSpan.Zero && o.OutboxPublishTimeout > TimeSpan.Zero,
                "Ingest outbox intervals must be positive")
            .Validate(o => o.OutboxRetryMinDelay > TimeSpan.Zero && o.OutboxRetryMaxDelay >= o.OutboxRetryMinDelay,
                "Ingest:OutboxRetryMinDelay must be positive and at most Ingest:OutboxRetryMaxDelay")
            .ValidateOnStart();

        var connectionString = builder.Configuration.GetConnectionString("documents");
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = IngestOptions.DefaultConnectionString;
        builder.Services.AddSingleton(sp => CreateStore(connectionString, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton(sp => new DocumentIngestor(
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<IngestOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<DocumentIngestor>>()));
        builder.Services.AddHostedService(sp => new OutboxRelay(
            sp.GetRequiredService<IDocumentStore>(),
            sp.GetRequiredService<IServiceScopeFactory>(),
            sp.GetRequiredService<OutboxSignal>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<IngestOptions>>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<OutboxRelay>>()));
        builder.Services.AddHealthChecks().AddCheck<DocumentStoreHealthCheck>("ingest-store", tags: ["ready"]);
        return builder;
    }

    /// <summary>Creates or upgrades the schema (before the relay or any call touches it), then maps the gRPC service.</summary>
    public static WebApplication MapIngest(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IDocumentStore>();
        store.InitializeAsync(app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();
        app.MapGrpcService<IngestGrpcService>();
        return app;
    }

    /// <summary>SQLite for "Data Source=..." or a path, PostgreSQL for "Host=..." or a postgres:// URI.</summary>
    public static IDocumentStore CreateStore(string connectionString, TimeProvider time) =>
        DatabaseProvider.Detect(connectionString) == DatabaseKind.Postgres
            ? new PostgresDocumentStore(connectionString, time)
            : new SqliteDocumentStore(connectionString, time);
}
