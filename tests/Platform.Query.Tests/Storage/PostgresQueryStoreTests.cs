using Npgsql;
using Platform.Query.Storage;
using Platform.Query.Tests.Fixtures;

namespace Platform.Query.Tests.Storage;

/// <summary>The store suite on a real PostgreSQL server (tsvector + GIN), one database per test.</summary>
public sealed class PostgresQueryStoreTests(PostgresServer server) : QueryStoreContract
{
    protected override async Task<IQueryStore> CreateStoreAsync() =>
        QueryModule.CreateStore(await server.CreateDatabaseAsync(), TimeProvider.System);

    [Fact]
    public async Task CreateStore_FromPostgresUri_ConnectsToTheSameDatabase()
    {
        var keyValue = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        var password = string.IsNullOrEmpty(keyValue.Password) ? "" : ":" + Uri.EscapeDataString(keyValue.Password);
        var uri = $"postgres://{Uri.EscapeDataString(keyValue.Username ?? "postgres")}{password}@{keyValue.Host}:{keyValue.Port}/{keyValue.Database}";

        var store = QueryModule.CreateStore(uri, TimeProvider.System);
        await using var _ = (IAsyncDisposable)store;
        await store.InitializeAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await store.GetLastSequenceAsync(TestContext.Current.CancellationToken));
    }
}
