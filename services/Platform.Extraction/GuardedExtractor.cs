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
/// Runs the engine off the caller's thread with a time limit. The engine is synchronous and takes no token, so
/// a run past the limit is abandoned (its thread finishes on its own) rather than blocking the consumer forever.
/// </summary>
public sealed class GuardedExtractor(IExtractor extractor, IOptionsMonitor<ExtractionOptions> options)
{
    public string Version => extractor.Version;

    public async Task<ExtractionRecord> ExtractAsync(byte[] content, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        var limit = options.CurrentValue.EngineTimeout;
        var run = Task.Run(() => extractor.Extract(content, mediaType, fileName), CancellationToken.None);
        try
        {
            return await run.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException) when (!run.IsCompleted)
        {
            throw new ExtractionTimeoutException(limit);
        }
    }
}
