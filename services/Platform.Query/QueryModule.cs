using Platform.Query.Consumers;
using Platform.Query.Grpc;
using Platform.Query.Storage;
using Platform.ServiceDefaults;

namespace Platform.Query;

/// <summary>Wiring of the Query module, shared by the Query host and the all-in-one host.</summary>
public static class QueryModule
{
    /// <summary>Options (section <c>Query</c>), the store chosen by <c>ConnectionStrings:query</c>, the consumers.</summary>
    public static WebApplicationBuilder AddQuery(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QueryOptions>().Bind(builder.Configuration.GetSection(QueryOptions.Section));

        var connectionString = builder.Configuration.GetConnectionString("query");
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = QueryOptions.DefaultConnectionString;
        builder.Services.AddSingleton(sp => CreateStore(connectionString, sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddSingleton<QueryEventNotifier>();
        builder.Services.AddSingleton<QueryEventApplier>();
        builder.Services.AddHealthChecks().AddCheck<QueryStoreHealthCheck>("query-store", tags: ["ready"]);

        builder.Services.AddPlatformConsumers(x =>
        {
            x.AddConsumer<DocumentSubmittedConsumer>().Endpoint(e => e.Name = DocumentSubmittedConsumer.EndpointName);
            x.AddConsumer<DocumentExtractedConsumer>().Endpoint(e => e.Name = DocumentExtractedConsumer.EndpointName);
            x.AddConsumer<ExtractionFailedConsumer>().Endpoint(e => e.Name = ExtractionFailedConsumer.EndpointName);
        });
        return builder;
    }

    /// <summary>Creates or upgrades the schema (before the bus starts delivering), then maps the gRPC service.</summary>
    public static WebApplication MapQuery(this WebApplication app)
    {
        var store = app.Services.GetRequiredService<IQueryStore>();
        store.InitializeAsync(app.Lifetime.ApplicationStopping).GetAwaiter().GetResult();
        app.MapGrpcService<QueryGrpcService>();
        return app;
    }

    /// <summary>SQLite for "Data Source=..." or a path, PostgreSQL for "Host=..." or a postgres:// URI.</summary>
    public static IQueryStore CreateStore(string connectionString, TimeProvider time) =>
        DatabaseProvider.Detect(connectionString) == DatabaseKind.Postgres
            ? new PostgresQueryStore(connectionString, time)
            : new SqliteQueryStore(connectionString, time);
}
