using Platform.Contracts.Documents.V1;

namespace Platform.Extraction.Engine.Quotes;

/// <summary>Entities and quotes found in a cleaned article.</summary>
internal sealed record SemanticResult(IReadOnlyList<Entity> Entities, IReadOnlyList<Quote> Quotes);

/// <summary>
/// The semantic half of the engine: named entities and direct quotations with speakers.
/// Input is the cleaned body (paragraphs separated by "\n\n") and the headline; spans are offsets into body.
/// </summary>
internal static class SemanticStage
{
    public static SemanticResult Run(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);
        var quotes = new List<Quote>();
        // First version: double-quoted passages of at least four words; speakers follow in later versions.
        int open = -1;
        for (int i = 0; i < body.Length; i++)
        {
            char c = body[i];
            bool isOpen = c == '\u201C' || (c == '"' && open < 0);
            bool isClose = c == '\u201D' || (c == '"' && open >= 0);
            if (open < 0 && isOpen)
            {
                open = i;
            }
            else if (open >= 0 && isClose)
            {
                var text = body.Substring(open + 1, i - open - 1).Trim();
                if (text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= 4)
                {
                    quotes.Add(new Quote { Text = text, Span = new TextSpan { Start = open + 1, Length = i - open - 1 } });
                }
                open = -1;
            }
            else if (c == '\n' && open >= 0 && i + 1 < body.Length && body[i + 1] == '\n')
            {
                open = -1;
            }
        }
        return new SemanticResult(Array.Empty<Entity>(), quotes);
    }
}
