using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Entities;

namespace Platform.Extraction.Engine.Quotes;

/// <summary>Entities and quotes found in a cleaned article.</summary>
internal sealed record SemanticResult(IReadOnlyList<Entity> Entities, IReadOnlyList<Quote> Quotes);

/// <summary>
/// The semantic half of the engine: named entities (people with roles, organisations, places) merged per document,
/// and direct quotations with their speakers. Input is the cleaned body (paragraphs separated by "\n\n") and the
/// headline; spans are offsets into the body. Title mentions are counted but carry no span.
/// </summary>
internal static class SemanticStage
{
    public static SemanticResult Run(string title, string body)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(body);

        var titleTokens = Tokenizer.Tokenize(title);
        var bodyTokens = Tokenizer.Tokenize(body);
        var lowerWords = new HashSet<string>(StringComparer.Ordinal);
        EntityRecognizer.CollectLowerWords(title, titleTokens, body, bodyTokens, lowerWords);

        var titleText = new AnalysedText(title, titleTokens, EntityRecognizer.Recognise(title, titleTokens, inTitle: true, lowerWords), IsTitle: true);
        var bodyText = new AnalysedText(body, bodyTokens, EntityRecognizer.Recognise(body, bodyTokens, inTitle: false, lowerWords), IsTitle: false);
        var clusters = EntityResolver.Resolve(titleText, bodyText);

        var quoteSpans = QuoteScanner.Scan(body);
        SpeakerResolver.Resolve(body, bodyTokens, bodyText.Mentions, quoteSpans, clusters);

        var entities = new List<Entity>(clusters.Count);
        foreach (var c in clusters)
        {
            var e = new Entity
            {
                Name = c.Name,
                Type = c.Kind switch
                {
                    EntityKind.Person => EntityType.Person,
                    EntityKind.Organization => EntityType.Organization,
                    EntityKind.Location => EntityType.Location,
                    _ => EntityType.Unspecified,
                },
                MentionCount = c.Mentions.Count(m => m.BracketOf == null),
            };
            e.Aliases.AddRange(c.Aliases);
            e.Roles.AddRange(c.Roles);
            foreach (var m in c.Mentions.Where(m => !m.InTitle).OrderBy(m => m.Start))
            {
                e.Spans.Add(new TextSpan { Start = m.Start, Length = m.End - m.Start });
            }
            entities.Add(e);
        }

        var quotes = new List<Quote>();
        foreach (var q in quoteSpans)
        {
            if (q.WordCount < QuoteScanner.MinWords)
            {
                continue;
            }
            quotes.Add(new Quote
            {
                Text = q.Text,
                Speaker = q.Speaker,
                Attribution = q.Attribution,
                Span = new TextSpan { Start = q.ContentStart, Length = q.ContentEnd - q.ContentStart },
            });
        }
        return new SemanticResult(entities, quotes);
    }
}
