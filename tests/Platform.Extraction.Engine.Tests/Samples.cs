using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine.Tests;

/// <summary>Locates the repository (the folder holding Platform.sln) and the sample corpus in samples/news.</summary>
internal static class Samples
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return dir.FullName;
        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => Root.Value;

    public static string NewsDir => Path.Combine(RepoRoot, "samples", "news");

    public static string Path_(string name) => Path.Combine(NewsDir, name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path_(name));

    public static string Text(string name) => File.ReadAllText(Path_(name));

    public static Platform.Contracts.Documents.V1.Extraction Extract(string name) =>
        new ExtractionEngine().Extract(Bytes(name), null, name);

    public static IEnumerable<string> All() =>
        Directory.GetFiles(NewsDir).Select(Path.GetFileName).Where(n => n is not null && !n.StartsWith('.')).Order(StringComparer.Ordinal)!;

    public static string[] RemovedReasons(this Platform.Contracts.Documents.V1.Extraction e, string textPrefix) =>
        e.Removed.Where(r => r.Text.StartsWith(textPrefix, StringComparison.Ordinal)).Select(r => r.Reason).ToArray();

    public static string[] ParagraphTexts(this Platform.Contracts.Documents.V1.Extraction e) =>
        e.Paragraphs.Select(p => e.Body.Substring(p.Start, p.Length)).ToArray();

    public static IEnumerable<(string Text, string Value)> DateValues(this Platform.Contracts.Documents.V1.Extraction e) =>
        e.Dates.Select(d => (d.Text, d.Value));

    public static TextSpan Span(int start, int length) => new() { Start = start, Length = length };
}
