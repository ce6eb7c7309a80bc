namespace Platform.Ingest.Tests.Fixtures;

/// <summary>One running Ingest app shared by the tests of a class (each test uses its own content, so dedupe never crosses tests).</summary>
public sealed class IngestAppFixture : IAsyncLifetime
{
    /// <summary>The document limit of the shared app: small enough to cross cheaply, big enough for a multi-MB upload.</summary>
    public const int MaxDocumentBytes = 8 * 1024 * 1024;

    public const int MaxBatchItems = 10;

    public IngestApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await IngestApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Ingest:MaxDocumentBytes"] = MaxDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:MaxBatchItems"] = MaxBatchItems.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async ValueTask DisposeAsync() => await App.DisposeAsync();

    /// <summary>Text no other test submits.</summary>
    public static string UniqueText(string prefix = "story") => $"{prefix} {Guid.NewGuid():N}: {Samples.Harbour}";
}
