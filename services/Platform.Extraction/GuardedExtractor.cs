using Microsoft.Extensions.Options;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction;

/// <summary>The engine did not finish within <see cref="ExtractionOptions.EngineTimeout"/>.</summary>
public sealed class ExtractionTimeoutException(TimeSpan limit)
    : Exception($"extraction did not finish within {limit.TotalSeconds:0.#} s")
{
    public TimeSpan Limit { get; } = limit;
}

/// <summary>
/// Runs the engine off the caller's thread with a time limit. At the limit (or when the caller cancels) the run is
/// told to stop through its cancellation token, which the engine observes between its stages, and the caller gets
/// <see cref="ExtractionTimeoutException"/> (or its cancellation) at once instead of waiting for that stage to end.
/// </summary>
public sealed class GuardedExtractor(IExtractor extractor, IOptionsMonitor<ExtractionOptions> options)
{
    public string Version => extractor.Version;

    public async Task<ExtractionRecord> ExtractAsync(byte[] content, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.EngineTimeout;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var run = Task.Run(() => extractor.Extract(content, mediaType, fileName, token), CancellationToken.None);
        try
        {
            return await run.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException) when (!run.IsCompleted)
        {
            throw new ExtractionTimeoutException(limit);
        }
        finally
        {
            // An abandoned run (timed out, or the caller cancelled) is told to stop; its token stays cancelled after
            // the source is disposed.
            if (!run.IsCompleted) stop.Cancel();
        }
    }
}
