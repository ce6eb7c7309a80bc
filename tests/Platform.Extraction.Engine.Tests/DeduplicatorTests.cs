using FsCheck.Xunit;
using Platform.Extraction.Engine.Cleaning;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests;

/// <summary>The near-repeat filter (with its signature short cut) decides as the plain set arithmetic does.</summary>
public sealed class DeduplicatorTests
{
    private static readonly string[] Vocabulary =
        ["port", "ships", "cargo", "minister", "said", "on", "Tuesday", "the", "new", "terminal", "would", "open", "in", "May",
         "officials", "expect", "more", "traffic", "from", "Asia", "and", "Europe", "next", "year", "crane", "berth"];

    // The rule as written in the guidelines: a paragraph repeats an earlier kept one (within 64) when the token sets'
    // Jaccard similarity is >= 0.8 or it is >= 90% contained in a longer one; exact repeats by token sequence.
    private static List<bool> Reference(List<string> paragraphs)
    {
        var keptSets = new List<HashSet<long>>();
        var exact = new HashSet<string>();
        var dropped = new List<bool>();
        foreach (var p in paragraphs)
        {
            var tokens = new List<long>();
            Words.TokenHashes(p, tokens);
            if (tokens.Count >= 4 && !exact.Add(string.Join(',', tokens))) { dropped.Add(true); continue; }
            var set = tokens.ToHashSet();
            bool near = false;
            if (tokens.Count >= 8)
            {
                for (int i = keptSets.Count - 1; i >= Math.Max(0, keptSets.Count - 64) && !near; i--)
                {
                    var other = keptSets[i];
                    if (other.Count < 6) continue;
                    int smaller = Math.Min(set.Count, other.Count), larger = Math.Max(set.Count, other.Count);
                    if (smaller < larger * 0.5 || set.Count > other.Count && smaller < larger * 0.8) continue;
                    int common = set.Count(other.Contains);
                    near = common / (double)(set.Count + other.Count - common) >= 0.8
                        || set.Count <= other.Count && set.Count >= 10 && common / (double)set.Count >= 0.9;
                }
            }
            dropped.Add(near);
            if (!near) keptSets.Add(set);
        }
        return dropped;
    }

    [Property(MaxTest = 500)]
    public void Filter_DropsExactlyTheParagraphsThePlainRuleDrops(int[][] picks)
    {
        var paragraphs = (picks ?? []).Where(p => p is { Length: > 0 })
            .Select(p => string.Join(' ', p.Select(i => Vocabulary[(int)((uint)i % Vocabulary.Length)])))
            .ToList();
        var expected = Reference(paragraphs);
        var actual = Deduplicator.Filter(paragraphs.Select((t, i) => (t, i)).ToList()).Select(r => r.Line < 0).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Filter_DropsAReworded_RepeatOfAnEarlierParagraph()
    {
        List<(string, int)> paragraphs =
        [
            ("The minister said on Tuesday the new terminal would open in May and bring more traffic from Asia.", 0),
            ("Officials expect the crane order to arrive next year.", 1),
            ("The minister said on Tuesday the new terminal would open in May and bring more traffic from Asia, officials said.", 2),
        ];
        var lines = Deduplicator.Filter(paragraphs).Select(r => r.Line).ToList();
        Assert.Equal([0, 1, -3], lines);
    }
}
