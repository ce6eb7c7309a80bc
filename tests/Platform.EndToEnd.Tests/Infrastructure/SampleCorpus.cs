using Google.Protobuf;
using Platform.Contracts.Ingest.V1;
using Platform.Testing;

namespace Platform.EndToEnd.Tests.Infrastructure;

/// <summary>One document of the project's own sample corpus (samples/news).</summary>
public sealed record SampleDocument(string FileName, string MediaType, byte[] Content)
{
    public SubmitDocumentRequest ToRequest(string? marker = null)
    {
        // A marker line makes the content (and so the content hash) new, for scenarios that must not dedupe.
        var content = marker is null ? Content : [.. Content, .. System.Text.Encoding.UTF8.GetBytes($"\n\n{marker}\n")];
        return new SubmitDocumentRequest
        {
            Content = ByteString.CopyFrom(content),
            MediaType = MediaType,
            FileName = FileName,
            ExternalId = FileName,
        };
    }
}

public static class SampleCorpus
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "samples", "news");

    /// <summary>Every file in samples/news, in name order.</summary>
    public static IReadOnlyList<SampleDocument> Load()
    {
        if (!Directory.Exists(Folder))
            throw new InvalidOperationException($"The sample corpus {Folder} is missing");
        var documents = Directory.EnumerateFiles(Folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Select(f => new SampleDocument(Path.GetFileName(f), MediaTypeOf(f), File.ReadAllBytes(f)))
            .ToList();
        if (documents.Count == 0)
            throw new InvalidOperationException($"The sample corpus {Folder} is empty");
        return documents;
    }

    private static string MediaTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html",
        ".txt" or ".text" => "text/plain",
        ".md" => "text/markdown",
        ".pdf" => "application/pdf",
        ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        // Ingest guesses from the file name or the content
        _ => "",
    };
}
