using FsCheck.Xunit;
using Platform.Extraction.Engine.Text;

namespace Platform.Extraction.Engine.Tests.Text;

/// <summary>
/// The vectorised word scanning of the text stages gives exactly what the simple per-character definitions give:
/// the building blocks against their one-character-at-a-time versions, the stages against reference copies of
/// themselves as they were before the speed work.
/// </summary>
public sealed class TextFastPathTests
{
    // Pieces that meet every branch of the scanners: case, stop words, possessives, joiners, digits of other
    // scripts, characters that lower-case to ASCII (Kelvin sign), white space outside ASCII, long words, '_'.
    private static readonly string[] Pieces =
    [
        "the", "The", "THE", " ", " ", " ", "  ", ", ", ". ", "\n", "\n\n", "-", "'", "’", "'s", "’s", "'S", "s",
        "wind", "Wind", "farm", "farms", "added", "Added", "ADDED", "held", "talked", "said", "of", "and", "in",
        "2019", "7", "٣", "12th", "\u212A", "like", "li\u212Ae", "İ", "ı", "straße", "Müller", "\u00A0", "\u0085",
        "\t", "_", "snake_case", "internationalisation", "Counterrevolutionaries", "abcdefghijklmnop", "x", "é",
        "well-known", "O'Brien", "rock’n’roll", "(", ")", "“", "”", "\"", "e.g.", "U.S.", "which", "WHICH", "a",
        "Friday", "March", "will", "last", "—", "…", "\u3000", "日本", "\U0001F600", "ed", "d", "'ll",
    ];

    private static string Glue(int[]? picks, int repeat = 1)
    {
        var sb = new System.Text.StringBuilder();
        picks ??= [];
        for (int r = 0; r < repeat; r++)
            foreach (var p in picks) sb.Append(Pieces[(int)((uint)(p + r * 7) % Pieces.Length)]);
        return sb.ToString();
    }

    // The sample stories of the repository (news, held-out, blind held-out), as raw text.
    internal static IEnumerable<string> SampleFiles() =>
        new[] { Samples.NewsDir, Path.Combine(Samples.RepoRoot, "samples", "heldout", "docs"), Path.Combine(Samples.RepoRoot, "samples", "heldout-blind", "docs") }
            .Where(Directory.Exists).SelectMany(Directory.GetFiles).Order(StringComparer.Ordinal);

    [Property(MaxTest = 500)]
    public void Classify_AgreesWithTheCharMethods(string? text, int[]? picks)
    {
        foreach (var t in new[] { text ?? "", Glue(picks, 3) })
        {
            var blocks = new CharBlock[CharClasses.BlockCount(t.Length)];
            CharClasses.Classify(t, blocks);
            for (int b = 0; b < blocks.Length; b++)
            {
                var chunk = new char[64];
                for (int i = 0; i < 64; i++) chunk[i] = b * 64 + i < t.Length ? t[b * 64 + i] : '\0';
                var expected = default(CharBlock);
                CharClasses.ClassifyScalar(chunk, ref expected);
                Assert.Equal(expected, blocks[b]);
            }
        }
    }

    [Property(MaxTest = 500)]
    public void BitScans_AgreeWithALoop(ulong a, ulong b, ulong c, int from, int to)
    {
        ulong[] bits = [a, b, c, 0];
        bool Bit(int i) => (bits[i >> 6] >> (i & 63) & 1) != 0;
        int f = (int)((uint)from % 256), e = (int)((uint)to % 257);
        int next = Enumerable.Range(f, 256 - f).Where(Bit).DefaultIfEmpty(-1).First();
        int clear = Enumerable.Range(f, 256 - f).Where(i => !Bit(i)).DefaultIfEmpty(256).First();
        Assert.Equal(next, CharClasses.NextSet(bits, f));
        Assert.Equal(clear, CharClasses.NextClear(bits, f));
        Assert.Equal(f < e ? Enumerable.Range(f, e - f).Count(Bit) : 0, CharClasses.Count(bits, f, e));
    }

    [Property(MaxTest = 500)]
    public void PackAscii_AgreesWithTheScalarPacking(int[]? picks, int start, int length)
    {
        var text = new string(Glue(picks, 2).Select(ch => (char)(ch & 0x7F)).ToArray());
        if (text.Length == 0) return;
        int s = (int)((uint)start % text.Length);
        int n = 1 + (int)((uint)length % Math.Min(16, text.Length - s));
        Assert.Equal(WordTable.PackScalar(text.AsSpan(s, n)), WordTable.PackAscii(text, s, n));
    }

    [Property(MaxTest = 300)]
    public void IsStopWordKey_AgreesWithIsStopWord(int[]? picks)
    {
        foreach (var w in Glue(picks).Split(' ', '\n', ',', '.', '-', '\'').Where(w => w.Length is > 0 and <= 16 && System.Text.Ascii.IsValid(w))
                     .Concat(Words.StopWords).Concat(Words.StopWords.Select(s => s.ToUpperInvariant())))
        {
            var (lo, hi) = WordTable.PackScalar(w);
            if (w.Any(ch => !char.IsLetterOrDigit(ch))) continue;
            Assert.Equal(Words.IsStopWord(w), Words.IsStopWordKey(lo, hi));
        }
    }

    [Property(MaxTest = 500)]
    public void WordTable_GivesOneIdPerLowerCasedWord(int[]? picks)
    {
        var words = Glue(picks, 2).Split(' ', ',', '.', '\n', '(', ')').Where(w => w.Length > 0).ToList();
        var table = WordTable.Rent();
        var byLower = new Dictionary<string, int>();
        foreach (var w in words)
        {
            var lower = string.Concat(w.Select(Words.Lower));
            int id = table.Intern(w, 0, w.Length, System.Text.Ascii.IsValid(w), out bool added);
            if (byLower.TryGetValue(lower, out int known))
            {
                Assert.False(added);
                Assert.Equal(known, id);
            }
            else
            {
                Assert.True(added);
                Assert.Equal(byLower.Count, id);
                byLower[lower] = id;
            }
        }
        table.Return();
    }

    [Fact]
    public void WordTable_KeepsIdsWhenItGrows()
    {
        var table = WordTable.Rent();
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < 5000; i++)
            {
                var w = "w" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal(i, table.Intern(w, 0, w.Length, ascii: true, out bool added));
                Assert.Equal(round == 0, added);
            }
        table.Return();
    }

    [Property(MaxTest = 1000)]
    public void KeyPhrases_AgreeWithTheReference(int[]? title, int[]? body, int repeat)
    {
        var t = Glue(title);
        var b = Glue(body, 1 + (int)((uint)repeat % 4));
        Assert.Equal(ReferenceKeyPhrases.Extract(t, b), KeyPhrases.Extract(t, b));
    }

    [Property(MaxTest = 300)]
    public void KeyPhrases_AgreeWithTheReference_OnRandomText(string? title, string? body) =>
        Assert.Equal(ReferenceKeyPhrases.Extract(title ?? "", body ?? ""), KeyPhrases.Extract(title ?? "", body ?? ""));

    [Fact]
    public void KeyPhrases_AgreeWithTheReference_OnTheSampleStories()
    {
        foreach (var file in SampleFiles())
        {
            var text = File.ReadAllText(file);
            var title = text.Split('\n')[0];
            Assert.Equal(ReferenceKeyPhrases.Extract(title, text), KeyPhrases.Extract(title, text));
        }
    }

    // Sentence spans as the pipeline makes them (SentenceSplitter over the paragraphs), or arbitrary ones.
    private static List<(int Start, int Length)> Sentences(string body, int[]? cuts)
    {
        var spans = new List<(int Start, int Length)>();
        if (cuts is null || cuts.Length == 0)
        {
            SentenceSplitter.Split(body, 0, body.Length, spans);
            return spans;
        }
        if (body.Length == 0) return spans;
        foreach (var c in cuts)
        {
            int s = (int)((uint)c % body.Length);
            spans.Add((s, (int)((uint)(c >> 8) % (body.Length - s + 1))));
        }
        return spans;
    }

    [Property(MaxTest = 1000)]
    public void Summary_AgreesWithTheReference(int[]? body, int repeat, bool arbitrarySpans, int[]? cuts)
    {
        var b = Glue(body, 1 + (int)((uint)repeat % 6));
        var spans = Sentences(b, arbitrarySpans ? cuts : null);
        Assert.Equal(ReferenceSummarizer.Summarize(b, spans), Summarizer.Summarize(b, spans));
    }

    [Property(MaxTest = 300)]
    public void Summary_AgreesWithTheReference_OnRandomText(string? body, int[]? cuts)
    {
        var b = body ?? "";
        var spans = Sentences(b, cuts);
        Assert.Equal(ReferenceSummarizer.Summarize(b, spans), Summarizer.Summarize(b, spans));
    }

    [Fact]
    public void Summary_AgreesWithTheReference_OnTheSampleStories()
    {
        foreach (var file in SampleFiles())
        {
            var text = File.ReadAllText(file);
            var spans = Sentences(text, null);
            Assert.Equal(ReferenceSummarizer.Summarize(text, spans), Summarizer.Summarize(text, spans));
        }
    }

    [Property(MaxTest = 1000)]
    public void Language_AgreesWithTheReference(int[]? text, int repeat, bool longWordsOnly)
    {
        // Long words only: texts where the share of common words decides, around the 12% threshold.
        var t = Glue(text, 1 + (int)((uint)repeat % 40));
        if (longWordsOnly) t = string.Join(" ", t.Split(' ').Where(w => w.Length > 5 || w is "the" or "of" or "and"));
        Assert.Equal(ReferenceLanguageGuess.Guess(t), LanguageGuess.Guess(t));
    }

    [Property(MaxTest = 300)]
    public void Language_AgreesWithTheReference_OnRandomText(string? text) =>
        Assert.Equal(ReferenceLanguageGuess.Guess(text ?? ""), LanguageGuess.Guess(text ?? ""));

    [Fact]
    public void Language_CountsTheCommonWordsOfAnyCase_AndNoOthers()
    {
        // 8 words, one common: 12.5% >= 12% is English; with a ninth (long) word, 11.1% is not.
        Assert.Equal("en", LanguageGuess.Guess("WHICH zzz yyy xxx www vvv uuu ttt"));
        Assert.Equal("und", LanguageGuess.Guess("WHICH zzz yyy xxx www vvv uuu ttt verylongwords"));
        Assert.Equal("und", LanguageGuess.Guess("whiche zzz yyy xxx www vvv uuu ttt"));
    }
}
