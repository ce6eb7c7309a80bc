using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using System.Diagnostics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Platform.Benchmarks;
using Platform.Extraction.Engine;

// `--quick`: a short in-process job (3 warm-ups, 10 iterations, no separate build) that finishes in well under
// two minutes.
// Other arguments go to BenchmarkDotNet (e.g. --filter '*').
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
IConfig config = DefaultConfig.Instance;
if (quick)
    config = config.AddJob(Job.ShortRun.WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1)
        .WithToolchain(InProcessEmitToolchain.Instance).WithId("Quick"));

var corpus = Corpus.Load();
long totalBytes = corpus.Sum(d => (long)d.Bytes.Length);
Console.WriteLine($"Corpus: {corpus.Count} documents, {totalBytes} bytes from {Corpus.Directory_()}");

// The quick job runs in this process: warm the engine first so that tiered compilation has promoted its methods
// (hundreds of them, compiled in the background) before the short measurement starts.
if (quick)
{
    var warm = new ExtractionEngine();
    var until = Stopwatch.StartNew();
    while (until.Elapsed < TimeSpan.FromSeconds(3))
        foreach (var (name, bytes) in corpus) warm.Extract(bytes, null, name);
}

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

// On a shared machine wall-clock time includes waiting for a core; CPU time of this (single-threaded) loop gives
// the throughput of one core. Both are printed.
var engine = new ExtractionEngine();
for (int i = 0; i < 200; i++) foreach (var (name, bytes) in corpus) engine.Extract(bytes, null, name);
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
long threadBefore = ThreadCpu.Nanoseconds();
long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var wall = Stopwatch.StartNew();
int passes = 0;
while (wall.Elapsed < TimeSpan.FromSeconds(quick ? 3 : 10))
{
    foreach (var (name, bytes) in corpus) engine.Extract(bytes, null, name);
    passes++;
}
double threadSeconds = (ThreadCpu.Nanoseconds() - threadBefore) / 1e9;
long allocatedBytes = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
process.Refresh();
double cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
Console.WriteLine(
    $"RESULT cpu-time check: {passes} corpus passes, {totalBytes * passes / 1e6 / cpuSeconds:F1} MB/s per CPU-second, " +
    $"{totalBytes * passes / 1e6 / wall.Elapsed.TotalSeconds:F1} MB/s wall-clock (load average {LoadAverage()})");

// Process CPU time also counts the runtime's own threads (tiered JIT, GC); the extracting thread's CPU time is the
// figure closest to "one core" and the least disturbed by other processes on a shared machine (Linux only).
if (threadBefore >= 0)
    Console.WriteLine(
        $"RESULT thread-cpu-time check: {totalBytes * passes / 1e6 / threadSeconds:F1} MB/s per CPU-second of the extracting thread, " +
        $"{allocatedBytes / 1024.0 / passes / corpus.Count:F1} KB allocated per document");

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

/// <summary>CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID); -1 where that clock is not available.</summary>
internal static class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static long Nanoseconds()
    {
        if (!OperatingSystem.IsLinux()) return -1;
        return ClockGetTime(3, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : -1;
    }
}
