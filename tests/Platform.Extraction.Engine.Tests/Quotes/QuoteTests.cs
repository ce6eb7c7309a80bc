using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;

namespace Platform.Extraction.Engine.Tests.Quotes;

/// <summary>Quote detection and speaker attribution of the semantic stage on the project's own sentences.</summary>
public class QuoteTests
{
    private static IReadOnlyList<Quote> Quotes(string body, string title = "") => SemanticStage.Run(title, body).Quotes;

    [Fact]
    public void Run_StraightAndCurlyDoubleQuotes_AreFoundWithTextAsPrinted()
    {
        var q = Quotes("\"We will reopen the port next week,\" the mayor said. She added: \u201CNobody will lose their job.\u201D");

        Assert.Equal(2, q.Count);
        Assert.Equal("We will reopen the port next week,", q[0].Text);
        Assert.Equal("Nobody will lose their job.", q[1].Text);
    }

    [Fact]
    public void Run_QuotedPhraseShorterThanFourWords_IsNotAQuote() =>
        Assert.Empty(Quotes("The plan was called \"reckless\" and \"deeply unfair\" by critics in \"three separate letters\"."));

    [Fact]
    public void Run_QuotedPhraseOfFourWordsInReportedSpeech_IsAQuote()
    {
        var q = Quotes("Ingrid Dahl said the council would fund \"part of the new hospital\" next year.");

        Assert.Equal("part of the new hospital", Assert.Single(q).Text);
        Assert.Equal("Ingrid Dahl", q[0].Speaker);
    }

    [Fact]
    public void Run_EachPairOfMarks_IsOneQuote_AndAQuoteWithoutVerbContinuesTheSpeaker()
    {
        var q = Quotes("\"The harvest was the best in a decade,\" Olga Petrova noted. \"Prices will fall before winter.\"");

        Assert.Equal(2, q.Count);
        Assert.All(q, x => Assert.Equal("Olga Petrova", x.Speaker));
        Assert.Equal("continuation", q[1].Attribution);
    }

    [Fact]
    public void Run_QuoteRunningIntoNextParagraph_IsOneQuoteJoinedWithASpace()
    {
        const string body = "Chen Wei said: \u201CThe first phase is finished and paid for.\n\n\u201CThe second phase starts in spring.\u201D\n\nThe city agreed.";
        var q = Assert.Single(Quotes(body));

        Assert.Equal("The first phase is finished and paid for. The second phase starts in spring.", q.Text);
        Assert.Equal("Chen Wei", q.Speaker);
    }

    [Fact]
    public void Run_Apostrophes_AreNotSingleQuotes_ButSingleQuotedSpeechIs()
    {
        Assert.Empty(Quotes("It's the farmers' market that the town's people don't want to lose, isn't it."));

        var q = Assert.Single(Quotes("Tom Harris said the result was 'a very good day for the club' after the match."));
        Assert.Equal("a very good day for the club", q.Text);
    }

    [Fact]
    public void Run_Headline_IsNotSearchedForQuotes() =>
        Assert.Empty(Quotes("The vote is on Monday.", title: "Minister: \"We will win this vote easily\""));

    [Fact]
    public void Run_SaidX_AttributesToTheNameAfterTheVerb()
    {
        var q = Assert.Single(Quotes("\"The reservoir is almost empty again,\" said Karin Holm, a hydrologist."));

        Assert.Equal("Karin Holm", q.Speaker);
    }

    [Fact]
    public void Run_SurnameAfterQuote_ResolvesToTheFullName()
    {
        var q = Quotes("Environment Minister Amal Haddad visited the coast. \"The dunes must be protected now,\" Haddad said.");

        Assert.Equal("Amal Haddad", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_Pronoun_ResolvesToThePersonOfThePreviousSentence()
    {
        var q = Quotes("Coach Marco Rossi praised the defence after the game.\n\n\"They never stopped running for each other,\" he said.");

        Assert.Equal("Marco Rossi", Assert.Single(q).Speaker);
        Assert.Equal("after: pronoun", q[0].Attribution);
    }

    [Fact]
    public void Run_DescriptionByRole_ResolvesToThePersonWithThatRole()
    {
        var q = Quotes("Health Ministry spokesperson Lena Novak confirmed three cases. \"All three patients are stable tonight,\" the ministry spokeswoman said.");

        Assert.Equal("Lena Novak", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_UnnamedSpeaker_GivesEmptySpeaker()
    {
        var q = Quotes("Police closed the road. \"We are asking people to stay away from the area,\" a spokesman said.");

        Assert.Equal("", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_CountryAsSubjectOfReportedSpeech_IsTheSpeaker()
    {
        var q = Quotes("Norway urged both sides to show \"restraint and respect for the ceasefire\" in the coming days.");

        Assert.Equal("Norway", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_VerbBeforeQuote_AttributesToItsSubject()
    {
        var q = Quotes("Later, Priya Raman told reporters: \"The figures speak for themselves.\"");

        Assert.Equal("Priya Raman", Assert.Single(q).Speaker);
        Assert.StartsWith("before", q[0].Attribution, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AccordingTo_AttributesToTheNamedPerson()
    {
        var q = Quotes("The pipeline was \"safe and fully inspected last spring\", according to engineer Paul Brandt.");

        Assert.Equal("Paul Brandt", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_QuoteSpan_CoversTheQuotedWords()
    {
        const string body = "Anna Berg said: \"Trains will run every ten minutes.\"";
        var q = Assert.Single(Quotes(body));

        Assert.Equal(q.Text, body.Substring(q.Span.Start, q.Span.Length));
    }

    [Fact]
    public void Run_MegabyteOfQuoteMarks_ReturnsWithoutQuotes()
    {
        Assert.Empty(Quotes(new string('"', 1_000_000)));
        Assert.Empty(Quotes(string.Concat(Enumerable.Repeat("\u201C\u201D'\u2019", 250_000))));
    }

    [Fact]
    public void Run_UnclosedQuote_EndsAtTheParagraph()
    {
        var q = Assert.Single(Quotes("Sara Lind said: \"We will not give up on this town\n\nThe meeting ended."));

        Assert.Equal("We will not give up on this town", q.Text);
    }

    [Fact]
    public void Run_PhraseQuotedWithoutReportingVerb_GoesToThePersonOfTheSentence()
    {
        var q = Quotes("\"Our budget is balanced,\" Finance Minister Lars Eide said.\n\nOpposition leader Mona Falk called the plan \"a gift to the richest households\" in her reply.");

        Assert.Equal(2, q.Count);
        Assert.Equal("Lars Eide", q[0].Speaker);
        Assert.Equal("Mona Falk", q[1].Speaker);
    }

    [Fact]
    public void Run_OrganisationAsSpeaker_IsCredited()
    {
        var q = Quotes("The Ministry of Health said in a statement: \"Vaccines will be available to everyone from June.\"");

        Assert.Equal("Ministry of Health", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_PluralPossessiveInsideSingleQuotes_DoesNotCloseTheQuote()
    {
        var q = Assert.Single(Quotes("'This is a victory for the farmers' union and for every village,' said Rhys Morgan."));

        Assert.Equal("This is a victory for the farmers' union and for every village,", q.Text);
        Assert.Equal("Rhys Morgan", q.Speaker);
    }

    [Fact]
    public void Run_PhraseQuotedAfterSaid_GoesToTheSubjectOfSaid_NotToALaterVerb()
    {
        var q = Quotes("Opposition leader Hannah Price said the minister had \"serious questions to answer\" about what his adviser told the committee.");

        Assert.Equal("Hannah Price", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_DescriptionOfAnOffice_ResolvesToThePersonHoldingIt()
    {
        var q = Quotes("Foreign Secretary Alan Pryce rejected the report. \"The facts were shared with every minister,\" the foreign secretary said.");

        Assert.Equal("Alan Pryce", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_StatementOrUnnamedOfficialAfterANamedSpeaker_IsNotContinued()
    {
        var q = Quotes("\"We will appeal the ruling,\" Jonas Weber said.\n\n\"The company acted within the law at all times,\" the statement said.\n\n\"Talks are still going on behind the scenes,\" officials said.");

        Assert.Equal(3, q.Count);
        Assert.Equal("Jonas Weber", q[0].Speaker);
        Assert.Equal("", q[1].Speaker);
        Assert.Equal("", q[2].Speaker);
    }

    [Fact]
    public void Run_ParagraphEndingInColon_IntroducesTheQuoteOfTheNextParagraph()
    {
        var q = Assert.Single(Quotes("In a statement, Mayor Elsa Lund said:\n\n\"The city will rebuild every home that was lost.\""));

        Assert.Equal("Elsa Lund", q.Speaker);
    }

    [Fact]
    public void Run_TheCompanySaid_ResolvesToTheOrganisationNamedBefore()
    {
        var q = Quotes("Brightwater Renewables cut its forecast on Monday. In a statement, the company said: \"Demand will recover in the second half.\"");

        Assert.Equal("Brightwater Renewables", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_InchMarkAfterADigit_DoesNotOpenAQuote() =>
        Assert.Empty(Quotes("The 12\" model sells for less than the larger one in most shops this year."));

    [Fact]
    public void Run_StraightMarksNestedInCurlyQuotes_StayInsideTheQuote()
    {
        var q = Assert.Single(Quotes("\u201CThey told me \"no\" twice before the vote,\u201D said Ida Kern."));

        Assert.Equal("They told me \"no\" twice before the vote,", q.Text);
        Assert.Equal("Ida Kern", q.Speaker);
    }

    [Fact]
    public void Run_ItSaid_ResolvesToTheOrganisationNamedLast()
    {
        var q = Quotes("Nordwind Airlines cancelled 40 flights. \"Safety of our passengers comes first,\" it said in a statement.");

        Assert.Equal("Nordwind Airlines", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_ParticipleBeforeQuote_TakesTheSubjectOfTheMainClause()
    {
        var q = Quotes("Nadia Ferro spoke after the vote. She said the plan was fair, adding: \"Everything now depends on the regions.\"");

        Assert.Equal("Nadia Ferro", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_PossessorBeforeARoleNoun_IsNotTheSpeaker()
    {
        var q = Quotes("Prime Minister Carl Ostby met the unions. \"No decision has been taken on pensions,\" Mr Ostby's official spokesman said.");

        Assert.Equal("", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_PronounAfterADescribedSubject_ResolvesToThePersonDescribed()
    {
        var q = Quotes("Ministry spokesperson Lin Wei said talks would continue.\n\nThe spokesperson also said that Deputy Minister Gao Peng would travel to Nairobi.\n\n\"We are ready to help,\" she said.");

        Assert.Equal("Lin Wei", Assert.Single(q).Speaker);
    }

    [Fact]
    public void Run_LowHighQuoteMarks_AreOneQuote()
    {
        var q = Assert.Single(Quotes("Klaus Merten said: \u201EWe will keep the plant open until spring.\u201C"));

        Assert.Equal("We will keep the plant open until spring.", q.Text);
        Assert.Equal("Klaus Merten", q.Speaker);
    }

    [Fact]
    public void Run_QuoteInterruptedByAttribution_GivesOnlyThePartsOfFourWordsOrMore()
    {
        var q = Quotes("\"We will win,\" Eva Lind said, \"and we will win by a wide margin.\"");

        Assert.Equal("and we will win by a wide margin.", Assert.Single(q).Text);
        Assert.Equal("Eva Lind", q[0].Speaker);
    }
}
