using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;
using static Platform.Extraction.Engine.Tests.Entities.EntityAssertions;

namespace Platform.Extraction.Engine.Tests.Entities;

/// <summary>Entities of the semantic stage on the project's own sentences.</summary>
public class EntityRecognitionTests
{
    [Fact]
    public void Run_CountriesFromRegionInfo_AreLocations()
    {
        var e = Recognize("Negotiators from Norway and Kenya met for a third round of consultations last week.");

        Assert.Equal(EntityType.Location, Single(e, "Norway").Type);
        Assert.Equal(EntityType.Location, Single(e, "Kenya").Type);
        Assert.Equal(2, e.Count);
    }

    [Fact]
    public void Run_CountryAliases_MergeIntoOneEntityWithCommonEquivalents()
    {
        var e = Recognize("The U.S. delegation arrived late. Officials of the United States later said America would respond.");

        var us = Single(e, "United States");
        Assert.Equal(EntityType.Location, us.Type);
        Assert.Equal(3, us.MentionCount);
        Assert.Contains("US", us.Aliases);
        Assert.Contains("USA", us.Aliases);
    }

    [Fact]
    public void Run_SurnameAlone_MergesIntoFullNameWithRole()
    {
        var e = Recognize("Prime Minister Jacinda Ardern opened the session on housing. Later Ardern told lawmakers the plan was working.");

        var p = Single(e, "Jacinda Ardern");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Equal("Jacinda Ardern", p.Name);
        Assert.Contains("Ardern", p.Aliases);
        Assert.Equal(2, p.MentionCount);
        Assert.Contains("Prime Minister", p.Roles);
    }

    [Fact]
    public void Run_AsianNameSpellingVariants_AreOneEntityAndTitleIsNotPartOfName()
    {
        var e = Recognize("Vice Foreign Minister Choe Son-hui arrived in Stockholm on Monday. Choe Son Hui met her hosts the next day.");

        var p = Single(e, "Choe Son-hui");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Equal(2, p.MentionCount);
        Assert.Contains(p.Roles, r => r.Contains("Foreign Minister", StringComparison.Ordinal));
        Assert.Equal(EntityType.Location, Single(e, "Stockholm").Type);
    }

    [Fact]
    public void Run_Honorific_IsDroppedFromThePersonName()
    {
        var e = Recognize("Mr Hargreaves declined to comment when reporters asked about the merger.");

        Assert.Equal(EntityType.Person, Single(e, "Hargreaves").Type);
        AssertNoEntity(e, "Mr Hargreaves");
    }

    [Fact]
    public void Run_DemonymsAndEvents_AreNotEntities()
    {
        var e = Recognize("Canadian and Swedish veterans of the Cold War and the Korean War signed the Arctic Fisheries Agreement at a summit.");

        AssertNoEntity(e, "Canadian");
        AssertNoEntity(e, "Swedish");
        AssertNoNameContaining(e, "War");
        AssertNoNameContaining(e, "Agreement");
    }

    [Fact]
    public void Run_OrganisationShortFormsAndNationalityModifier_AreOneOrganisation()
    {
        var e = Recognize("The Ministry of Defence issued a statement. The Danish Defence Ministry also said the drill was routine.");

        var org = Single(e, "Ministry of Defence");
        Assert.Equal(EntityType.Organization, org.Type);
        Assert.Equal(2, org.MentionCount);
        AssertNoEntity(e, "Danish");
    }

    [Fact]
    public void Run_CapitalisedShortForm_ResolvesToTheFullName()
    {
        var e = Recognize("The UN Security Council met on Tuesday. Diplomats said the Council would vote again next month.");

        var council = Single(e, "UN Security Council");
        Assert.Equal(EntityType.Organization, council.Type);
        Assert.Contains("Council", council.Aliases);
        Assert.Contains("United Nations Security Council", council.Aliases);
        Assert.Equal(2, council.MentionCount);
    }

    [Fact]
    public void Run_AbbreviationInBrackets_IsAnAliasCountedOnce()
    {
        var e = Recognize("The Northern Fisheries Authority (NFA) published new quotas. Fishermen said the NFA ignored them.");

        var org = Single(e, "Northern Fisheries Authority");
        Assert.Equal(EntityType.Organization, org.Type);
        Assert.Contains("NFA", org.Aliases);
        Assert.Equal(2, org.MentionCount);
    }

    [Fact]
    public void Run_CapitalCity_IsItsOwnLocation()
    {
        var e = Recognize("Beijing rejected the criticism, and China asked for calm.");

        Assert.Equal(EntityType.Location, Single(e, "Beijing").Type);
        Assert.Equal(EntityType.Location, Single(e, "China").Type);
        Assert.DoesNotContain("Beijing", Single(e, "China").Aliases);
    }

    [Fact]
    public void Run_SentenceInitialCapitals_AreNotNames()
    {
        var e = Recognize("Relations between Kenya and Uganda improved. Despite that, trade stayed flat. However the relations remain fragile.");

        Assert.Equal(["Kenya", "Uganda"], e.Select(x => x.Name).Order().ToArray());
    }

    [Fact]
    public void Run_AllCapsDateline_IsTheCity()
    {
        var e = Recognize("NAIROBI - Heavy rain closed roads across the region on Sunday.");

        Assert.Equal(EntityType.Location, Single(e, "Nairobi").Type);
    }

    [Fact]
    public void Run_OfInsideOrganisationName_IsKept()
    {
        var e = Recognize("Analysts expect the Bank of England to hold rates, while the Office of the Prime Minister stayed silent.");

        Assert.Equal(EntityType.Organization, Single(e, "Bank of England").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Office of the Prime Minister").Type);
        AssertNoEntity(e, "England");
    }

    [Fact]
    public void Run_HyphenatedCountryPair_GivesBothCountries()
    {
        var e = Recognize("Traffic at the Kenya-Uganda border returned to normal.");

        Assert.Equal(EntityType.Location, Single(e, "Kenya").Type);
        Assert.Equal(EntityType.Location, Single(e, "Uganda").Type);
    }

    [Fact]
    public void Run_NameBeforeSiteNoun_IsALocation()
    {
        var e = Recognize("Inspectors visited the Dimona nuclear facility twice.");

        Assert.Equal(EntityType.Location, Single(e, "Dimona").Type);
    }

    [Fact]
    public void Run_RolesFromApposition_AreRecorded()
    {
        var e = Recognize("Maria Lopez, the agency's director, spoke first. Tomas Berg, State Secretary and chief negotiator, followed.");

        Assert.Contains(Single(e, "Maria Lopez").Roles, r => r.Contains("director", StringComparison.Ordinal));
        Assert.Contains(Single(e, "Tomas Berg").Roles, r => r.Contains("chief negotiator", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Spans_PointAtTheMentionsInTheBody()
    {
        const string body = "Talks in Oslo ended.\n\nDelegates left Oslo by train.";
        var oslo = Single(Recognize(body), "Oslo");

        Assert.Equal(2, oslo.Spans.Count);
        Assert.All(oslo.Spans, s => Assert.Equal("Oslo", body.Substring(s.Start, s.Length)));
    }

    [Fact]
    public void Run_TitleMentions_AreCountedWithoutSpan()
    {
        var e = Recognize("Farmers in Peru welcomed the rain.", title: "Rain returns to Peru");

        var peru = Single(e, "Peru");
        Assert.Equal(2, peru.MentionCount);
        Assert.Single(peru.Spans);
    }

    [Fact]
    public void Run_TitleCaseHeading_DoesNotTurnCapitalisedWordsIntoNames()
    {
        var e = Recognize("The vote was close.", title: "Regional Council Approves Annual Budget After Long Debate");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
        AssertNoEntity(e, "Annual Budget");
    }

    [Fact]
    public void Run_PersonGuess_FromReportingVerbAndGivenName()
    {
        var e = Recognize("The bridge will reopen in May, Daniel Okafor said. Okafor has run the project since 2019.");

        var p = Single(e, "Daniel Okafor");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Equal(2, p.MentionCount);
    }

    [Fact]
    public void Run_NothingCapitalised_GivesNoEntities() =>
        Assert.Empty(Recognize("the quick brown fox jumps over the lazy dog, again and again."));

    [Fact]
    public void Run_NameParticle_StaysInsideThePersonName()
    {
        var e = Recognize("Club manager Pieter van Dijk praised the fans. Later van Dijk said the pitch was poor.");

        var p = Single(e, "Pieter van Dijk");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Equal(2, p.MentionCount);
    }

    [Fact]
    public void Run_KnownCityFollowedByCityOrUnited_IsAClub()
    {
        var e = Recognize("Leeds United beat Manchester City at home, while Mexico City hosted the final.");

        Assert.Equal(EntityType.Organization, Single(e, "Leeds United").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Manchester City").Type);
        Assert.Equal(EntityType.Location, Single(e, "Mexico City").Type);
    }

    [Fact]
    public void Run_KnownBodyModifyingALongerName_StaysItsOwnEntity()
    {
        var e = Recognize("The U.N. envoy addressed the UN General Assembly on Friday.");

        Assert.Equal(EntityType.Organization, Single(e, "U.N.").Type);
        Assert.Equal(EntityType.Organization, Single(e, "UN General Assembly").Type);
        Assert.NotEqual(Single(e, "U.N.").Name, Single(e, "UN General Assembly").Name);
    }

    [Fact]
    public void Run_CreditInBrackets_IsNotAnAbbreviationOfTheCity()
    {
        var e = Recognize("OSLO (Reuters) - Norway raised its fuel tax.");

        Assert.DoesNotContain("Reuters", Single(e, "Oslo").Aliases);
        Assert.Equal(EntityType.Organization, Single(e, "Reuters").Type);
    }

    [Fact]
    public void Run_PhraseWithNounSuffixes_IsNotGuessedAsAPerson()
    {
        var e = Recognize("Both leaders signed the Regional Digital Partnership and praised the Strategic Cooperative Framework.");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
    }

    [Fact]
    public void Run_OrganisationNounBeforeName_MakesItAnOrganisation()
    {
        var e = Recognize("Campaign group Clear Baltic Sea sued the ministry. The developer, Brightwater Renewables, said work would continue.");

        Assert.Equal(EntityType.Organization, Single(e, "Clear Baltic Sea").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Brightwater Renewables").Type);
    }

    [Fact]
    public void Run_PluralPossessiveInsideOrganisationName_IsKept()
    {
        var e = Recognize("The Welsh Farmers' Union and the Irish Nurses' Association met in Cardiff.");

        Assert.Equal(EntityType.Organization, Single(e, "Welsh Farmers' Union").Type);
        Assert.Equal(EntityType.Location, Single(e, "Cardiff").Type);
    }

    [Fact]
    public void Run_MultiWordSurnameAlone_MergesIntoTheFullName()
    {
        var e = Recognize("Chief executive Anna de la Cruz opened the plant. De la Cruz said output would double.");

        Assert.Equal(2, Single(e, "Anna de la Cruz").MentionCount);
    }

    [Fact]
    public void Run_PartiesAndLegislatures_AreOrganisations()
    {
        var e = Recognize("Tory leader Dan Howe told the Commons that Labour had broken its promise.");

        Assert.Equal(EntityType.Organization, Single(e, "Tory").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Commons").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Labour").Type);
        Assert.Contains("Conservative Party", Single(e, "Tory").Aliases);
        Assert.Contains("Tory leader", Single(e, "Dan Howe").Roles);
    }

    [Fact]
    public void Run_PeerageStyleAndPersonalName_AreOnePersonNamedByThePersonalName()
    {
        var e = Recognize("Lord Ashby will chair the inquiry. Robert Ashby, a former judge, said it would be independent.");

        var p = Single(e, "Robert Ashby");
        Assert.Equal("Robert Ashby", p.Name);
        Assert.Contains("Lord Ashby", p.Aliases);
        Assert.Equal(2, p.MentionCount);
    }

    [Fact]
    public void Run_RoyalStyleAsOnlyName_IsKeptInTheName()
    {
        var e = Recognize("Prince Albrecht opened the new bridge on Saturday.");

        Assert.Equal(EntityType.Person, Single(e, "Prince Albrecht").Type);
    }

    [Fact]
    public void Run_CountryModifyingAnOrganisation_IsAlsoAMention()
    {
        var e = Recognize("The US Commerce Department added four firms to its list.");

        Assert.Equal(EntityType.Organization, Single(e, "US Commerce Department").Type);
        Assert.Equal(EntityType.Location, Single(e, "US").Type);
    }

    [Fact]
    public void Run_SubheadingInsideTheBody_IsNotGuessedAsAPerson()
    {
        var e = Recognize("The port reopened on Monday.\n\nHarbour Traffic\n\nShips queued for hours outside Gdansk.");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
        Assert.Equal(EntityType.Location, Single(e, "Gdansk").Type);
    }

    [Fact]
    public void Run_RolePossessiveAfterAKnownBody_DoesNotHideTheBody()
    {
        var e = Recognize("A note from the World Bank President's Office said the Bank would lend more to Chad.");

        var bank = Single(e, "World Bank");
        Assert.Equal(EntityType.Organization, bank.Type);
        Assert.Equal(2, bank.MentionCount);
    }

    [Fact]
    public void Run_RoyalPossessiveInsideOrganisationName_IsKept()
    {
        var e = Recognize("Researchers at Queen's Medical College in Belfast led the trial.");

        Assert.Equal(EntityType.Organization, Single(e, "Queen's Medical College").Type);
    }

    [Fact]
    public void Run_CityStartingAnOrganisationName_IsPartOfTheName()
    {
        var e = Recognize("Shares of the firm fell on the Oslo Stock Exchange.");

        Assert.Equal(EntityType.Organization, Single(e, "Oslo Stock Exchange").Type);
        AssertNoEntity(e, "Oslo");
    }

    [Fact]
    public void Run_SyllableAcronymInBrackets_IsAnAlias()
    {
        var e = Recognize("The Ministry of Commerce (MOFCOM) issued new rules. MOFCOM said they take effect in May.");

        var org = Single(e, "Ministry of Commerce");
        Assert.Contains("MOFCOM", org.Aliases);
        Assert.Equal(2, org.MentionCount);
    }

    [Fact]
    public void Run_PlaceNameUsedAsGivenNameAfterATitle_IsAPerson()
    {
        var e = Recognize("Opposition MP Sofia Brandt voted against the bill.");

        Assert.Equal(EntityType.Person, Single(e, "Sofia Brandt").Type);
        AssertNoEntity(e, "Sofia");
    }
}
