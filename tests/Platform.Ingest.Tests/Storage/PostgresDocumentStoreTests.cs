using Npgsql;
using Platform.Ingest.Storage;
using Platform.Testing;

namespace Platform.Ingest.Tests.Storage;

/// <summary>The store suite on a real PostgreSQL server (tests/Platform.Testing's fixture), one database per test.</summary>
public sealed class PostgresDocumentStoreTests(PostgresFixture server) : DocumentStoreContract, IClassFixture<PostgresFixture>
{
    protected override async Task<IDocumentStore> CreateStoreAsync() =>
        IngestModule.CreateStore(await server.CreateDatabaseAsync(), TimeProvider.System);

    [Fact]
    public async Task CreateStore_FromPostgresUri_ConnectsToTheSameDatabase()
    {
        var keyValue = new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync());
        var password = string.IsNullOrEmpty(keyValue.Password) ? "" : ":" + Uri.EscapeDataString(keyValue.Password);
        var uri = $"postgres://{Uri.EscapeDataString(keyValue.Username ?? "postgres")}{password}@{keyValue.Host}:{keyValue.Port}/{keyValue.Database}";

        var store = IngestModule.CreateStore(uri, TimeProvider.System);
        await using var _ = (IAsyncDisposable)store;
        await store.InitializeAsync(Ct);

        Assert.Equal(0, await store.CountPendingOutboxAsync(Ct));
    }

    [Fact]
    public async Task Initialize_ConcurrentReplicas_AllSucceed()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => IngestModule.CreateStore(connectionString, TimeProvider.System)).ToList();

        await Task.WhenAll(stores.Select(s => s.InitializeAsync(Ct)));

        foreach (var s in stores)
            await ((IAsyncDisposable)s).DisposeAsync();
    }
}
