using System.CommandLine;
using System.Text;
using Platform.Extraction.Engine;

namespace Platform.Cli.Commands;

/// <summary>`platform extract &lt;file|folder&gt; --out DIR`: runs the engine offline, one JSON per input.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A document file, or a folder whose files are all extracted" };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the JSON results (same base name, .json)", Required = true };
        var mediaType = new Option<string?>("--media-type") { Description = "Media type of the input(s); sniffed from content and name if omitted" };
        var command = new Command("extract", "Extract documents offline with the engine and write one JSON per document")
        {
            input,
            output,
            mediaType,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(input)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(mediaType),
            Console.Out,
            Console.Error));
        return command;
    }

    /// <summary>Exit codes: 0 all extracted, 1 some inputs failed, 2 the input path does not exist.</summary>
    internal static int Run(string input, string outDir, string? mediaType, TextWriter stdout, TextWriter stderr)
    {
        string[] files;
        if (Directory.Exists(input))
            files = Directory.GetFiles(input).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        else if (File.Exists(input))
            files = [input];
        else
        {
            stderr.WriteLine($"error: {input}: no such file or folder");
            return 2;
        }

        Directory.CreateDirectory(outDir);
        var engine = new ExtractionEngine();
        int failed = 0;
        foreach (var file in files)
        {
            var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + ".json");
            try
            {
                var bytes = File.ReadAllBytes(file);
                var extraction = engine.Extract(bytes, mediaType, Path.GetFileName(file));
                File.WriteAllText(target, ExtractionJson.Format(extraction) + "\n", new UTF8Encoding(false));
                stdout.WriteLine($"{file} -> {target}");
            }
            catch (ExtractionException e)
            {
                failed++;
                stderr.WriteLine($"error: {file}: {e.Code}: {e.Reason}");
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
