using System.Text;
using FsCheck.Xunit;
using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;

namespace Platform.Extraction.Engine.Tests.Quotes;

/// <summary>
/// Invariants of the semantic stage on random text: no exception escapes, every entity span and quote span lies in
/// the body, quotes have at least four words, speakers are entity names or empty, and the result is deterministic.
/// </summary>
public class SemanticStagePropertyTests
{
    // Tricky pieces: quote marks of every kind, apostrophes, initials, hyphenated and possessive names, brackets.
    private static readonly string[] Pieces =
    [
        "\"", "\u201C", "\u201D", "'", "\u2018", "\u2019", "\u201E", "\u00AB", "\u00BB", "said", "told", "he", "she", "the",
        "a", "spokesperson", "Minister", "Foreign", "Ministry", "of", "Kim", "Jong-un", "Ri", "Yong-ho", "U.S.", "UN",
        "(", ")", ",", ".", ":", "-", "People's", "farmers'", "Mr", "Dr.", "Lord", "Anna", "Berg", "Norway", "BEIJING",
        "Council", "the Council", "according to", "Security", "van", "de", "la", "\n\n", "\n", "12\"", "It's",
        "Republic", "Korea", "(DPRK)", "Sea", "Peninsula", "City", "United", "we will win this today", "X", "",
    ];

    private static string Build(int[] picks)
    {
        var sb = new StringBuilder();
        foreach (var p in picks ?? [])
        {
            sb.Append(Pieces[(int)((uint)p % Pieces.Length)]);
            if (p % 4 != 0)
            {
                sb.Append(' ');
            }
        }
        return sb.ToString();
    }

    private static void CheckInvariants(string title, string body)
    {
        var r = SemanticStage.Run(title, body);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (Entity e in r.Entities)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Name));
            Assert.NotEqual(EntityType.Unspecified, e.Type);
            Assert.True(e.MentionCount >= e.Spans.Count);
            names.Add(e.Name);
            foreach (var s in e.Spans)
            {
                Assert.InRange(s.Start, 0, body.Length);
                Assert.InRange(s.Start + s.Length, s.Start + 1, body.Length);
            }
        }
        foreach (Quote q in r.Quotes)
        {
            Assert.InRange(q.Span.Start, 0, body.Length);
            Assert.InRange(q.Span.Start + q.Span.Length, q.Span.Start, body.Length);
            Assert.True(q.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length >= QuoteScanner.MinWords);
            Assert.True(q.Speaker.Length == 0 || names.Contains(q.Speaker), $"speaker '{q.Speaker}' is not an entity name");
        }
        var again = SemanticStage.Run(title, body);
        Assert.Equal(r.Entities.Select(e => e.ToString()), again.Entities.Select(e => e.ToString()));
        Assert.Equal(r.Quotes.Select(q => q.ToString()), again.Quotes.Select(q => q.ToString()));
    }

    [Property(MaxTest = 400)]
    public void Run_RandomSequenceOfTrickyPieces_KeepsInvariants(int[] picks, int[] titlePicks) =>
        CheckInvariants(Build(titlePicks), Build(picks));

    [Property(MaxTest = 200)]
    public void Run_AnyString_KeepsInvariants(string? title, string? body) =>
        CheckInvariants(title ?? "", body ?? "");
}
