using Platform.Query.Storage;

namespace Platform.Query.Tests.Unit;

public sealed class FullTextQueryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\"\" ** () -- !!")]
    public void Parse_WithoutWords_ReturnsNull(string? input)
    {
        Assert.Null(FullTextQuery.Parse(input));
    }

    [Fact]
    public void Parse_WordsAndPhrases_BecomeQuotedFts5Strings()
    {
        var query = FullTextQuery.Parse("lighthouse \"harbour trust\" keeper")!;

        Assert.Equal("\"lighthouse\" \"harbour trust\" \"keeper\"", query.ToFts5());
    }

    [Fact]
    public void Parse_OperatorsAndColumnFilters_AreDroppedAsSyntax()
    {
        var query = FullTextQuery.Parse("title:ferry AND (NEAR lighthouse) OR -bread^2")!;

        // The words stay (as plain required terms); none of the characters FTS5 treats as syntax survive.
        Assert.Equal("\"title ferry\" \"AND\" \"NEAR\" \"lighthouse\" \"OR\" \"bread 2\"", query.ToFts5());
    }

    [Fact]
    public void Parse_UnbalancedQuote_TakesTheRestAsAPhrase()
    {
        Assert.Equal("\"gull\" \"point lighthouse\"", FullTextQuery.Parse("gull \"point lighthouse")!.ToFts5());
    }

    [Fact]
    public void Parse_TrailingStar_IsAPrefixOutsidePhrases()
    {
        Assert.Equal("\"lightho\"* \"old keeper\"", FullTextQuery.Parse("lightho* \"old keeper*\"")!.ToFts5());
    }

    [Fact]
    public void Parse_WordWithInnerPunctuation_BecomesAPhraseOfItsParts()
    {
        Assert.Equal("\"O Brien\" \"covid 19\"", FullTextQuery.Parse("O'Brien covid-19")!.ToFts5());
    }

    [Fact]
    public void Parse_TypographicQuotesAndAccents_AreHandled()
    {
        Assert.Equal("\"café crème\" \"Zoë\"", FullTextQuery.Parse("\u201Ccafé crème\u201D Zoë")!.ToFts5());
    }

    [Fact]
    public void Parse_ManyWords_KeepsAtMostTheClauseLimit()
    {
        var query = FullTextQuery.Parse(string.Join(' ', Enumerable.Range(0, 100).Select(i => "w" + i)))!;

        Assert.Equal(FullTextQuery.MaxClauses, query.Clauses.Count);
    }

    [Fact]
    public void ToTsQuery_UsesParametersForEveryClause()
    {
        var (sql, parameters) = FullTextQuery.Parse("lighthouse \"harbour trust\" keep*")!.ToTsQuery("english");

        Assert.Equal("(plainto_tsquery('english', @q0) && phraseto_tsquery('english', @q1) && to_tsquery('english', @q2))", sql);
        Assert.Equal(["lighthouse", "harbour trust", "keep:*"], parameters.Select(p => p.Value));
    }

    [Fact]
    public void Fingerprint_DependsOnTheWordsNotTheirSpacing()
    {
        Assert.Equal(FullTextQuery.Parse("gull  point")!.Fingerprint(), FullTextQuery.Parse(" gull point ")!.Fingerprint());
        Assert.NotEqual(FullTextQuery.Parse("gull point")!.Fingerprint(), FullTextQuery.Parse("gull")!.Fingerprint());
    }
}
