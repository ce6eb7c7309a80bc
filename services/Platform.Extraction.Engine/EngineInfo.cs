namespace Platform.Extraction.Engine;

/// <summary>Version of the extraction rules; consumers are idempotent on (document id, version).</summary>
public static class EngineInfo
{
    /// <summary>Bumped whenever the output for the same input may change.</summary>
    public const string Version = "1.3.0";
}
