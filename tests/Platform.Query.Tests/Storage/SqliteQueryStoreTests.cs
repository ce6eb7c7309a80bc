using Microsoft.Data.Sqlite;
using Platform.Query.Storage;

namespace Platform.Query.Tests.Storage;

/// <summary>The store suite on a real SQLite file with FTS5.</summary>
public sealed class SqliteQueryStoreTests : QueryStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("platform-query-store-").FullName;

    protected override Task<IQueryStore> CreateStoreAsync() =>
        Task.FromResult(QueryModule.CreateStore($"Data Source={Path.Combine(_dir, "sub", "query.db")}", TimeProvider.System));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void CreateStore_ForDataSource_CreatesTheFolderOfTheFile()
    {
        Assert.True(Directory.Exists(Path.Combine(_dir, "sub")));
    }
}
