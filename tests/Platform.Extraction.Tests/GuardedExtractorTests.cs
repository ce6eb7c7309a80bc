using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction.Tests;

public class GuardedExtractorTests
{
    private static GuardedExtractor Guarded(IExtractor extractor, TimeSpan limit)
    {
        var services = new ServiceCollection();
        services.AddOptions<ExtractionOptions>().Configure(o => o.EngineTimeout = limit);
        var options = services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<ExtractionOptions>>();
        return new GuardedExtractor(extractor, options);
    }

    /// <summary>An engine stand-in that runs until its token is cancelled, and says when it saw that.</summary>
    private static (FakeExtractor Extractor, TaskCompletionSource Stopped) Endless()
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var extractor = new FakeExtractor((_, _, _, token) =>
        {
            token.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            if (token.IsCancellationRequested) stopped.SetResult();
            token.ThrowIfCancellationRequested();
            return new ExtractionRecord();
        });
        return (extractor, stopped);
    }

    [Fact]
    public async Task ExtractAsync_WhenTheEngineRunsPastTheLimit_ThrowsTimeoutAndStopsTheRun()
    {
        var (extractor, stopped) = Endless();
        var guarded = Guarded(extractor, TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAsync<ExtractionTimeoutException>(() => guarded.ExtractAsync([1], "text/plain", "a.txt", TestContext.Current.CancellationToken));

        // The abandoned run is told to stop instead of running on in the background.
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExtractAsync_WhenTheCallerCancels_StopsTheRun()
    {
        var (extractor, stopped) = Endless();
        var guarded = Guarded(extractor, TimeSpan.FromSeconds(30));
        using var caller = new CancellationTokenSource();

        var call = guarded.ExtractAsync([1], "text/plain", "a.txt", caller.Token);
        caller.CancelAfter(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await stopped.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ExtractAsync_WithinTheLimit_ReturnsTheEnginesRecord()
    {
        var guarded = Guarded(new FakeExtractor((_, _, _) => new ExtractionRecord { Title = "Port expands" }), TimeSpan.FromSeconds(30));

        var record = await guarded.ExtractAsync([1], "text/plain", "a.txt", TestContext.Current.CancellationToken);

        Assert.Equal("Port expands", record.Title);
    }
}
