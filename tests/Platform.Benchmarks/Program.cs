using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Platform.Benchmarks;

// `--quick`: a short job (3 warm-ups, 10 iterations) that finishes in well under two minutes.
// Other arguments go to BenchmarkDotNet (e.g. --filter '*').
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
IConfig config = DefaultConfig.Instance;
if (quick)
    config = config.AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1).WithId("Quick"));

var corpus = Corpus.Load();
long totalBytes = corpus.Sum(d => (long)d.Bytes.Length);
Console.WriteLine($"Corpus: {corpus.Count} documents, {totalBytes} bytes from {Corpus.Directory_()}");

var summaries = BenchmarkSwitcher.FromAssembly(typeof(ExtractionBenchmarks).Assembly)
    .Run(rest.Length == 0 ? ["--filter", "*"] : rest, config);

foreach (var summary in summaries)
{
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats) continue;
        double seconds = stats.Mean / 1e9;
        double mbps = totalBytes / 1e6 / seconds;
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
        Console.WriteLine(
            $"RESULT {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo}: {mbps:F1} MB/s on one thread " +
            $"({totalBytes} bytes in {stats.Mean / 1e6:F3} ms per corpus pass), " +
            $"{allocated / 1024.0 / corpus.Count:F1} KB allocated per document ({corpus.Count} documents)");
    }
}
