using Microsoft.Data.Sqlite;
using Platform.Ingest.Storage;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Storage;

/// <summary>The store suite on a real SQLite file (WAL).</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string _dir = Directory.CreateTempSubdirectory("platform-ingest-store-").FullName;

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult(IngestModule.CreateStore($"Data Source={Path.Combine(_dir, "sub", "ingest.db")}", TimeProvider.System));

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

    [Fact]
    public async Task Initialize_SwitchesTheFileToWriteAheadLogging()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "sub", "ingest.db")}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task CreateStore_FromBarePath_UsesThatFile()
    {
        var path = Path.Combine(_dir, "bare.db");
        var store = IngestModule.CreateStore(path, TimeProvider.System);
        await store.InitializeAsync(Ct);
        await store.SubmitAsync(Samples.New(A, Samples.Ferry), Ct);

        Assert.True(File.Exists(path));
    }
}
