using FsCheck.Xunit;
using Platform.Extraction.Engine.Cleaning;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests;

/// <summary>The block-wise word count of the cleaner agrees with the character-by-character <see cref="Words.Count"/>.</summary>
public sealed class WordCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData(" ", 0)]
    [InlineData("one", 1)]
    [InlineData("  two words  ", 2)]
    [InlineData("a\tb\nc\rd\ve\ff", 6)]
    [InlineData("sixteen chars ok and then some more words after the block", 11)]
    [InlineData("non\u00A0breaking\u2003em\u3000space\u0085next line", 6)]
    [InlineData("Zürich – Genève, 12 März: «Grüße» aus der Schweiz", 9)]
    public void Count_CountsWhitespaceSeparatedWords(string text, int expected)
    {
        Assert.Equal(expected, WordCounter.Count(text));
        Assert.Equal(Words.Count(text), WordCounter.Count(text));
    }

    [Property(MaxTest = 2000)]
    public void Count_AgreesWithWordsCount_OnRandomText(string? text) =>
        Assert.Equal(Words.Count(text ?? ""), WordCounter.Count(text ?? ""));

    [Property(MaxTest = 2000)]
    public void Count_AgreesWithWordsCount_OnTextsOfSpacesAndLetters(int[] picks)
    {
        // Every ASCII control and space character, the Unicode spaces and a few letters, at every offset of a block.
        string[] pieces = ["a", "Bc", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x1C", "\x1F", "\x7F", "\u0085", "\u00A0", "\u1680",
            "\u2000", "\u200A", "\u200B", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF", "é", "\u0080", "ſ", "word"];
        var text = string.Concat((picks ?? []).Select(p => pieces[(int)((uint)p % pieces.Length)]));
        Assert.Equal(Words.Count(text), WordCounter.Count(text));
    }

    [Fact]
    public void Count_AgreesWithWordsCount_ForEveryCharacterAtEveryBlockOffset()
    {
        for (int c = 0; c <= char.MaxValue; c++)
            for (int offset = 0; offset < 9; offset++)
            {
                var text = new string('x', offset) + (char)c + "y z";
                Assert.Equal(Words.Count(text), WordCounter.Count(text));
            }
    }
}
