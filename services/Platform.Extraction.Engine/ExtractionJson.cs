using Google.Protobuf;
using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine;

// Inside the namespace so that it wins over the Platform.Extraction namespace.
using Extraction = Platform.Contracts.Documents.V1.Extraction;

/// <summary>
/// Writes an <see cref="Extraction"/> in the evaluation kit's prediction format (shared/eval/FORMAT.md): the proto3
/// JSON mapping with lowerCamelCase names, all fields present (also empty ones), entity types as ENTITY_TYPE_*.
/// </summary>
public static class ExtractionJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithIndentation());

    /// <summary>Formats the extraction as indented JSON.</summary>
    /// <param name="extraction">The extraction to write.</param>
    /// <returns>One JSON object.</returns>
    public static string Format(Extraction extraction)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        return Formatter.Format(extraction);
    }
}
