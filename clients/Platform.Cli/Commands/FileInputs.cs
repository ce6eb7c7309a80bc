namespace Platform.Cli.Commands;

/// <summary>A file to send, with the path as the user wrote it (for output) and its absolute path.</summary>
internal sealed record InputFile(string DisplayPath, string FullPath);

internal static class FileInputs
{
    /// <summary>
    /// Files as given, and every file under a folder (recursively, ordinal order, hidden files skipped),
    /// each once. A path that does not exist is a usage error.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System };
                foreach (var file in Directory.EnumerateFiles(path, "*", options).Order(StringComparer.Ordinal))
                    Add(file);
            }
            else
            {
                throw new CliException($"no such file or folder: {path}", ExitCodes.Usage);
            }
        }

        return files.Count > 0 ? files : throw new CliException("no files to submit", ExitCodes.Usage);

        void Add(string file)
        {
            var full = Path.GetFullPath(file);
            if (seen.Add(full))
                files.Add(new InputFile(file, full));
        }
    }
}
