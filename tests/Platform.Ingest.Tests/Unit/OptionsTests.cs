using Microsoft.Extensions.Options;
using Platform.Ingest.Tests.Fixtures;

namespace Platform.Ingest.Tests.Unit;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_MatchTheDocumentedLimits()
    {
        var options = new IngestOptions();

        Assert.Equal(32L * 1024 * 1024, options.MaxDocumentBytes);
        Assert.Equal(100, options.MaxBatchItems);
        Assert.Equal(TimeSpan.FromSeconds(1), options.OutboxPollInterval);
    }

    [Theory]
    [InlineData("Ingest:MaxDocumentBytes", "0")]
    [InlineData("Ingest:MaxBatchItems", "-1")]
    [InlineData("Ingest:OutboxPollInterval", "00:00:00")]
    [InlineData("Ingest:OutboxRetryMinDelay", "-00:00:01")]
    [InlineData("Ingest:OutboxRetryMaxDelay", "00:00:00.010")]
    public async Task Start_WithInvalidSetting_FailsWithTheReason(string key, string value)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => IngestApp.StartAsync(settings: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains("Ingest", ex.Message, StringComparison.Ordinal);
    }
}
