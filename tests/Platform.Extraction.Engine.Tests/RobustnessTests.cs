using System.Text;
using FsCheck.Xunit;

namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// Any input ends in an extraction or an <see cref="ExtractionException"/>; pathological inputs finish (the
/// engine's scanners and non-backtracking patterns are linear; speed itself is measured in the benchmarks).
/// </summary>
public class RobustnessTests
{
    private static readonly ExtractionEngine Engine = new();

    // Pieces of news pages; random sequences of them reach the cleaner's rules in odd orders.
    private static readonly string[] Fragments =
    [
        "Xinhua Published: 2019-03-01 21:09:55", "Published: 10:58, May 25, 2020 | Updated: 01:58, June 6, 2023", "By Xinhua",
        "Headline about talks", "BEIJING - Talks resumed on Friday, the ministry said.", "\"We hope the talks continue,\" Lu said.",
        "ALSO READ: Another story", "--IANS", "ksk/", "Subscribe now", "₹900", "{{article_quota}}", "Q: What is your comment?",
        "A: We have said many times.", "", "\"", "“", "”", "'", "On March 1, 2019", "next Friday", "(PHOTO / XINHUA)", "[Photo:]",
        "Disclaimer: none", "Home > World", "<div>", "</p>", "<script>x</script>", "\u0000", "\uFFFD", "\r", "\t", "-", "—",
        "Mr.", "U.S.", "a", "7 March 2003", "Chen Wei", "said", "(Reuters)", "WASHINGTON (Reuters) -", "By", "Published:",
    ];

    private static void ExtractOrTypedError(Func<Platform.Contracts.Documents.V1.Extraction> extract)
    {
        try
        {
            var e = extract();
            Assert.NotNull(e.Body);
            foreach (var s in e.Sentences) Assert.InRange(s.Start + s.Length, 0, e.Body.Length);
            foreach (var d in e.Dates) Assert.Equal(d.Text, e.Body.Substring(d.Span.Start, d.Span.Length));
            _ = ExtractionJson.Format(e);
        }
        catch (ExtractionException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
        }
    }

    [Property(MaxTest = 300)]
    public void Extract_RandomBytes_GivesResultOrTypedError(byte[] bytes, bool html) =>
        ExtractOrTypedError(() => Engine.Extract(bytes ?? [], html ? "text/html" : null));

    [Property(MaxTest = 300)]
    public void ExtractText_RandomString_GivesResultOrTypedError(string? text, bool html) =>
        ExtractOrTypedError(() => Engine.ExtractText(text ?? "", html ? "text/html" : "text/plain"));

    [Property(MaxTest = 500)]
    public void ExtractText_RandomSequenceOfNewsFragments_GivesResultOrTypedError(int[] picks, bool html)
    {
        var sb = new StringBuilder();
        foreach (var p in picks ?? [])
        {
            sb.Append(Fragments[(int)((uint)p % Fragments.Length)]);
            sb.Append(p % 3 == 0 ? "\n\n" : p % 3 == 1 ? "\n" : " ");
        }
        ExtractOrTypedError(() => Engine.ExtractText(sb.ToString(), html ? "text/html" : "text/plain"));
    }

    [Property(MaxTest = 500)]
    public void ExtractText_AnyLine_IsEitherInTheBodyOrRecordedAsRemoved(int[] picks)
    {
        var sb = new StringBuilder();
        foreach (var p in picks ?? [])
        {
            var fragment = Fragments[(int)((uint)p % Fragments.Length)];
            if (fragment.Contains('\r') || fragment.Contains('\u0000') || fragment.StartsWith('<')) continue;
            sb.Append(fragment).Append(p % 2 == 0 ? "\n\n" : "\n");
        }
        Platform.Contracts.Documents.V1.Extraction e;
        try { e = Engine.ExtractText(sb.ToString()); }
        catch (ExtractionException) { return; }

        var removed = e.Removed.Select(r => r.Line).ToHashSet();
        var lines = sb.ToString().Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || removed.Contains(i + 1)) continue;
            Assert.Contains(line, e.Body);
        }
    }

    [Fact]
    public void Extract_TenMegabytesOnOneLine_GivesResult()
    {
        var sb = new StringBuilder(10 * 1024 * 1024);
        while (sb.Length < 10 * 1024 * 1024) sb.Append("The ministry said on Friday, March 1, 2019 that \"talks would continue\" in Beijing. ");
        var e = Engine.Extract(Encoding.UTF8.GetBytes(sb.ToString()), "text/plain");

        Assert.True(e.Body.Length > 9 * 1024 * 1024);
    }

    [Fact]
    public void Extract_OneMegabyteOfQuoteMarks_GivesResult()
    {
        var e = Engine.Extract(Encoding.UTF8.GetBytes(new string('"', 1024 * 1024)), "text/plain");
        Assert.Equal(1024 * 1024, e.Body.Length);
    }

    [Fact]
    public void Extract_OneMegabyteOfMixedQuotesAndApostrophes_GivesResult()
    {
        var sb = new StringBuilder();
        while (sb.Length < 1024 * 1024) sb.Append("“'\"‘ ”’ ");
        ExtractOrTypedError(() => Engine.ExtractText(sb.ToString()));
    }

    [Fact]
    public void Extract_HtmlNestedTenThousandDeep_GivesResultOrTypedError()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 10_000; i++) sb.Append("<div>");
        sb.Append("<p>The council approved the budget for next year after a long debate on Monday evening.</p>");
        for (int i = 0; i < 10_000; i++) sb.Append("</div>");

        ExtractOrTypedError(() => Engine.Extract(Encoding.UTF8.GetBytes(sb.ToString()), "text/html"));
    }

    [Fact]
    public void Extract_HundredThousandShortLines_GivesResult()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 100_000; i++) sb.Append(i % 2 == 0 ? "Subscribe now\n" : "A short line of text number " + i + ".\n");
        var e = Engine.ExtractText(sb.ToString());
        Assert.NotEmpty(e.Removed);
    }

    [Fact]
    public void Classify_ManyWordsSeparatedByLongSpaceRuns_Finishes()
    {
        // A shape that makes nested quantifiers backtrack exponentially: share-bar words, space runs, a mismatch at the end.
        var line = string.Concat(Enumerable.Repeat("Share" + new string(' ', 40), 12)) + "!";
        Assert.Null(Cleaning.LineRules.Classify(line.Trim()));
        Assert.Null(Cleaning.LineRules.Classify(string.Concat(Enumerable.Repeat("Tweet | ", 70)) + "?"));
        Assert.Null(Cleaning.LineRules.Classify("Print" + string.Concat(Enumerable.Repeat(" ,  . close", 11)) + " x"));
    }

    [Fact]
    public void Extract_OneMegabyteOfRandomBytes_FailsWithTypedError()
    {
        var bytes = new byte[1024 * 1024];
        new Random(42).NextBytes(bytes);
        var ex = Assert.Throws<ExtractionException>(() => Engine.Extract(bytes));
        Assert.Equal(ExtractionErrorCode.Undecodable, ex.Code);
    }
}

public class CancellationTests
{
    private static readonly ExtractionEngine Engine = new();

    [Fact]
    public void Extract_WhenTokenIsCancelled_ThrowsOperationCanceled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Engine.Extract("Port expands\n\nThe port opened a new terminal on Friday."u8, "text/plain", null, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Engine.ExtractText("<p>The port opened a new terminal.</p>", "text/html", cancelled.Token));
    }

    [Fact]
    public void Extract_WithATokenNeverCancelled_GivesTheSameResultAsWithout()
    {
        var text = "Port expands\n\nThe port opened a new terminal on Friday, the harbour authority said."u8.ToArray();
        using var live = new CancellationTokenSource();

        Assert.Equal(Engine.Extract(text), Engine.Extract(text, null, null, live.Token));
    }
}
