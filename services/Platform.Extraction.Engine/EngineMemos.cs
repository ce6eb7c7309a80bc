using Platform.Extraction.Engine.Entities;

namespace Platform.Extraction.Engine;

/// <summary>
/// The engine memoises pure functions of a name (keys, name parts, the class of a one-word name) across documents,
/// bounded in size. A benchmark that repeats its corpus always hits them; clearing them before each pass measures a
/// stream of documents whose names were never seen.
/// </summary>
internal static class EngineMemos
{
    public static void Clear()
    {
        EntityResolver.ClearMemos();
        EntityRecognizer.ClearMemos();
    }
}
