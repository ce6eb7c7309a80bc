using System.Diagnostics;
using System.Text.Json;

namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// Runs the engine on the evaluation kit (../shared/eval next to the repository), scores the predictions with the
/// kit's scorer and guards the figures reached so far against regressions.
/// </summary>
public class EvalTests
{
    private static string EvalDir => Path.GetFullPath(Path.Combine(Samples.RepoRoot, "..", "shared", "eval"));

    [Fact]
    public void Engine_OnEvaluationKit_MeetsRegressionFloors()
    {
        Assert.True(Directory.Exists(Path.Combine(EvalDir, "dev", "docs")), $"evaluation kit not found at {EvalDir}");
        var pred = Path.Combine(Path.GetTempPath(), "engine-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(pred);
        try
        {
            var engine = new ExtractionEngine();
            foreach (var file in Directory.GetFiles(Path.Combine(EvalDir, "dev", "docs")))
            {
                var e = engine.Extract(File.ReadAllBytes(file), null, Path.GetFileName(file));
                File.WriteAllText(Path.Combine(pred, Path.GetFileNameWithoutExtension(file) + ".json"), ExtractionJson.Format(e));
            }

            var summary = Score(pred);

            // Floors: what the engine reaches now, minus a small margin for the parts still moving.
            Assert.Equal(1.0, summary.GetProperty("titleAcc").GetDouble());
            Assert.Equal(1.0, summary.GetProperty("publishedAcc").GetDouble());
            Assert.Equal(1.0, summary.GetProperty("sourceAcc").GetDouble());
            Assert.Equal(0, summary.GetProperty("noiseLeaks").GetInt32());
            Assert.True(summary.GetProperty("bodyF1").GetDouble() >= 0.99, summary.ToString());
            Assert.True(summary.GetProperty("dateF1").GetDouble() >= 0.95, summary.ToString());
            // The semantic stage's figures (issue 3 targets), scored through this pipeline.
            Assert.True(summary.GetProperty("quoteF1").GetDouble() >= 0.90, summary.ToString());
            Assert.True(summary.GetProperty("entityF1").GetDouble() >= 0.90, summary.ToString());
            Assert.True(summary.GetProperty("speakerAcc").GetDouble() >= 0.95, summary.ToString());
        }
        finally
        {
            Directory.Delete(pred, recursive: true);
        }
    }

    private static JsonElement Score(string predDir)
    {
        var psi = new ProcessStartInfo("python3")
        {
            WorkingDirectory = EvalDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { "score.py", Path.Combine(EvalDir, "dev", "gold"), predDir, "--json" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "scorer failed: " + stderr.Result);
        using var doc = JsonDocument.Parse(stdout.Result);
        Assert.Equal(0, doc.RootElement.GetProperty("errors").GetArrayLength());
        return doc.RootElement.GetProperty("summary").Clone();
    }
}
