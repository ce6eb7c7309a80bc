namespace Platform.Benchmarks;

/// <summary>The sample corpus (samples/news), found by walking up to the folder holding Platform.sln.</summary>
public static class Corpus
{
    public static string Directory_()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return Path.Combine(dir.FullName, "samples", "news");
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln"))) return Path.Combine(dir.FullName, "samples", "news");
        throw new InvalidOperationException("Platform.sln not found; run from inside the repository.");
    }

    /// <summary>(file name, bytes) of every document in the corpus, in name order.</summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Load() =>
        Directory.GetFiles(Directory_())
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();
}
