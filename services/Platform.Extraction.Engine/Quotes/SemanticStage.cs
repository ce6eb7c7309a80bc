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
                MentionCount = CountUnbracketed(c.Mentions),
            };
            e.Aliases.AddRange(c.Aliases);
            e.Roles.AddRange(c.Roles);
            AddSpans(c.Mentions, e.Spans);
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

    private static int CountUnbracketed(List<Mention> mentions)
    {
        int n = 0;
        foreach (var m in mentions)
        {
            if (m.BracketOf == null)
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// Body spans in order of position, equal starts in mention order (a stable sort, as OrderBy was). Mentions are
    /// mostly in order already, so the sort is skipped when it would change nothing.
    /// </summary>
    private static void AddSpans(List<Mention> mentions, Google.Protobuf.Collections.RepeatedField<TextSpan> spans)
    {
        bool sorted = true;
        int last = int.MinValue;
        foreach (var m in mentions)
        {
            if (m.InTitle)
            {
                continue;
            }
            if (m.Start < last)
            {
                sorted = false;
                break;
            }
            last = m.Start;
        }
        if (sorted)
        {
            foreach (var m in mentions)
            {
                if (!m.InTitle)
                {
                    spans.Add(new TextSpan { Start = m.Start, Length = m.End - m.Start });
                }
            }
            return;
        }
        // stable: sort on (start, index in the mention list)
        var keys = new List<long>(mentions.Count);
        for (int k = 0; k < mentions.Count; k++)
        {
            if (!mentions[k].InTitle)
            {
                keys.Add(((long)mentions[k].Start << 32) | (uint)k);
            }
        }
        keys.Sort();
        foreach (var key in keys)
        {
            var m = mentions[(int)(key & 0xFFFFFFFF)];
            spans.Add(new TextSpan { Start = m.Start, Length = m.End - m.Start });
        }
    }
}
