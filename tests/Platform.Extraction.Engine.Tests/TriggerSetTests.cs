using FsCheck.Xunit;
using Platform.Extraction.Engine.Cleaning;

namespace Platform.Extraction.Engine.Tests;

/// <summary>The one-pass literal search behind the line rules agrees with string.Contains(OrdinalIgnoreCase).</summary>
public sealed class TriggerSetTests
{
    private static readonly string[][] Groups =
    [
        ["photo", "pic", "via ", "getty"],
        ["subscri", "log in", "mail", "{{", "sign up"],
        ["year", "ear", "a"],
        ["--", "###", "by "],
    ];

    private static readonly TriggerSet Set = new(Groups);

    private static ulong Expected(string text)
    {
        ulong bits = 0;
        for (int g = 0; g < Groups.Length; g++)
            if (Groups[g].Any(l => text.Contains(l, StringComparison.OrdinalIgnoreCase))) bits |= 1UL << g;
        return bits;
    }

    [Theory]
    [InlineData("A PHOTO taken by the agency", 0b1101UL)]
    [InlineData("Please subscribe to read more", 0b0110UL)]
    [InlineData("Email us {{token}}", 0b0110UL)]
    [InlineData("Last yEar's figures", 0b0100UL)]
    [InlineData("nothing to see here", 0UL)]
    [InlineData("Sıgn up now", 0UL)] // dotless i is not i to OrdinalIgnoreCase
    [InlineData("", 0UL)]
    public void Scan_ReportsTheGroupsWhoseLiteralsOccur(string text, ulong expected)
    {
        Assert.Equal(expected, Set.Scan(text));
        Assert.Equal(Expected(text), Set.Scan(text));
    }

    [Property(MaxTest = 1000)]
    public void Scan_AgreesWithContainsIgnoreCase_OnRandomText(string? text) =>
        Assert.Equal(Expected(text ?? ""), Set.Scan(text ?? ""));

    [Property(MaxTest = 1000)]
    public void Scan_AgreesWithContainsIgnoreCase_OnTextsMadeOfLiteralPieces(int[] picks)
    {
        // Random text rarely holds a literal; text glued from pieces of them (overlaps, prefixes, case changes) does.
        string[] pieces = ["pho", "to", "PIC", "via", " ", "sub", "scri", "log", " in", "ma", "il", "{", "YEA", "r", "e", "-", "#", "by", "ı"];
        var text = string.Concat((picks ?? []).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        Assert.Equal(Expected(text), Set.Scan(text));
    }

    [Property(MaxTest = 1000)]
    public void Scan_AgreesWithContainsIgnoreCase_OnLongTextsMadeOfLiteralPieces(int[] picks, int seed)
    {
        // Longer texts are walked in two overlapping halves: literals across the middle are found.
        string[] pieces = ["pho", "to", "PIC", "via", " ", "sub", "scri", "log", " in", "ma", "il", "{", "YEA", "r", "e", "-", "#", "by", "ı", "x", "é"];
        var random = new Random(seed);
        var chosen = picks is { Length: > 0 } ? picks : [seed];
        var text = new System.Text.StringBuilder();
        for (int i = 0; text.Length < 20 + (int)((uint)seed % 300); i++)
            text.Append(pieces[(int)((uint)(chosen[i % chosen.Length] + random.Next()) % pieces.Length)]);
        Assert.Equal(Expected(text.ToString()), Set.Scan(text.ToString()));
    }

    [Fact]
    public void Scan_FindsEachLiteralAtEveryOffsetOfTextsAroundTheSplitLength()
    {
        foreach (var literal in Groups.SelectMany(g => g))
            for (int length = 10; length <= 80; length++)
                for (int at = 0; at + literal.Length <= length; at++)
                {
                    var text = new string('x', at) + literal.ToUpperInvariant() + new string('x', length - at - literal.Length);
                    Assert.Equal(Expected(text), Set.Scan(text));
                }
    }

    [Property(MaxTest = 1000)]
    public void Scan_FindsALiteralAnywhereInALongText(int position, int group, int literal, int length)
    {
        // A literal at any offset of a longer text, in any case, is found.
        var filler = new string('x', 100 + (int)((uint)length % 400));
        var words = Groups[(int)((uint)group % Groups.Length)];
        var word = words[(int)((uint)literal % words.Length)];
        var text = filler.Insert((int)((uint)position % (filler.Length + 1)), word.ToUpperInvariant());
        Assert.Equal(Expected(text), Set.Scan(text));
        Assert.NotEqual(0UL, Set.Scan(text) & (1UL << Array.IndexOf(Groups, words)));
    }
}
