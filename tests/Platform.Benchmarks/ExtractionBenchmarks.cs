using BenchmarkDotNet.Attributes;
using Platform.Extraction.Engine;

namespace Platform.Benchmarks;

/// <summary>
/// One operation = extracting every document of samples/news once on one thread. MB/s is the corpus size divided by
/// the mean time (column "MB/s"); "Allocated" divided by the document count gives allocations per document
/// (column "Alloc/doc").
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    private readonly ExtractionEngine engine = new();
    private IReadOnlyList<(string Name, byte[] Bytes)> corpus = [];

    [GlobalSetup]
    public void Setup() => corpus = Corpus.Load();

    [Benchmark(Description = "Extract samples/news")]
    public int ExtractCorpus()
    {
        int chars = 0;
        foreach (var (name, bytes) in corpus) chars += engine.Extract(bytes, null, name).Body.Length;
        return chars;
    }

    /// <summary>
    /// The same pass with the engine's cross-document name memos emptied first, as if every name were new: the
    /// pessimistic figure (the repeated corpus above always hits them).
    /// </summary>
    [Benchmark(Description = "Extract samples/news, name memos cleared")]
    public int ExtractCorpusCold()
    {
        EngineMemos.Clear();
        return ExtractCorpus();
    }
}
