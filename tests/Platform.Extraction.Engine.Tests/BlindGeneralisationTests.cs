using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;
using EntityAssertions = Platform.Extraction.Engine.Tests.Entities.EntityAssertions;

namespace Platform.Extraction.Engine.Tests;

/// <summary>
/// Page chrome, release headers, speakers and entities of layouts not seen in development (agency releases,
/// broadcaster pages, wire stories). Every line and name here is made up for these tests.
/// </summary>
public class BlindGeneralisationTests
{
    private static Platform.Contracts.Documents.V1.Extraction Extract(params string[] lines) =>
        new ExtractionEngine().ExtractText(string.Join("\n", lines));

    private const string Para1 = "The agency on Tuesday set out new rules for river pilots working at night, officials said.";
    private const string Para2 = "The rules take effect on Friday and apply to every licensed pilot on the lower river.";

    [Fact]
    public void Extract_LongMenuRowAboveHeadline_IsNavigationAndNotTheTitle()
    {
        var e = Extract(
            "Valley Courier",
            "Latest | Region | Nation | Money | Opinion | Sport | Culture | Weather | Podcasts",
            "Ferry crews win new night-time safety rules on the lower river",
            "By Ana Petrov",
            "Posted Tue 10 Mar 2026 at 7:15am",
            "", Para1, "", Para2);

        Assert.Equal("Ferry crews win new night-time safety rules on the lower river", e.Title);
        Assert.DoesNotContain("Podcasts", e.Body);
        Assert.Equal("2026-03-10", e.PublishedAt);
    }

    [Fact]
    public void Extract_ReleaseHeaderWithLabelAndPlace_GivesPublicationDateAndMastheadPublisher()
    {
        var e = Extract(
            "International River Safety Organization",
            "Home | Topics | Member States | Media Centre | Data | About Us",
            "Media Centre / Releases / detail",
            "10 March 2026 | Press release | Rotterdam | Reading time: 2 min",
            "New rules for river pilots working at night",
            "", Para1, "", Para2);

        Assert.Equal("New rules for river pilots working at night", e.Title);
        Assert.Equal("2026-03-10", e.PublishedAt);
        Assert.Equal("International River Safety Organization", e.Source);
        Assert.DoesNotContain("Reading time", e.Body);
        Assert.DoesNotContain("Member States", e.Body);
        Assert.Contains(e.Dates, d => d.Value == "2026-03-10" && d.Text == "Tuesday");
    }
    [Theory]
    [InlineData("Share article")]
    [InlineData("Share story")]
    [InlineData("Read next: Grain barges delayed by low water for second week")]
    [InlineData("Sign up to the Harbour Bulletin, our free weekly newsletter, for the shipping news that matters.")]
    [InlineData("Sign up for The Morning Rundown, delivered every weekday morning.")]
    [InlineData("Get Riverton news in your inbox")]
    [InlineData("Follow the Valley Courier on Telegram and get the news from the region first")]
    [InlineData("This article was translated from the Spanish edition of the Valley Courier.")]
    public void Extract_PromoShareAndTranslationLines_AreNotBody(string noise)
    {
        var e = Extract("Ferry crews win new night-time safety rules on the lower river", "", "By Ana Petrov", "",
            Para1, "", noise, "", Para2);

        Assert.DoesNotContain(noise, e.Body);
        Assert.Contains(Para2, e.Body);
    }

    [Fact]
    public void Extract_SentenceAboutFollowingOrSigningUp_StaysInBody()
    {
        const string line = "Residents can sign up for the new flood alerts at the town hall, the mayor said on Monday.";
        var e = Extract("Ferry crews win new night-time safety rules on the lower river", "", "By Ana Petrov", "",
            Para1, "", line, "", Para2);

        Assert.Contains(line, e.Body);
    }
    [Fact]
    public void Run_ArabicHonorificBeforeName_IsDroppedAndArticlePrefixedSurnameResolvesToPerson()
    {
        var r = SemanticStage.Run("",
            "Kuwaiti Oil Minister Sheikha Noura bint Salem al-Harbi opened the refinery on Monday.\n\n" +
            "\"We will double exports of clean fuel within five years,\" al-Harbi told reporters after the ceremony.");

        var person = Assert.Single(r.Entities, e => e.Type == EntityType.Person);
        Assert.Equal("Noura bint Salem al-Harbi", person.Name);
        Assert.Equal("Noura bint Salem al-Harbi", Assert.Single(r.Quotes).Speaker);
    }
    [Fact]
    public void Run_OrganisationWelcomingSomethingAsQuote_IsSpeakerNotPlaceOfStatement()
    {
        var r = SemanticStage.Run("",
            "In a statement released in Nairobi, the East African Grain Council welcomed the harvest figures as \"a real turning point for smallholder farmers\".");

        Assert.Equal("East African Grain Council", Assert.Single(r.Quotes).Speaker);
    }

    [Fact]
    public void Run_AgencyQuotingNamedPersonAsSaying_CreditsThePerson()
    {
        var r = SemanticStage.Run("",
            "Harbour Minister Tomas Lindqvist met port operators in Gdansk on Monday.\n\n" +
            "The Baltic News Agency quoted Lindqvist as saying that \"no ship will be turned away for lack of berths this winter\".");

        Assert.Equal("Tomas Lindqvist", Assert.Single(r.Quotes).Speaker);
    }
    [Theory]
    [InlineData("Officials from the Ministry of Fisheries, Forestry and Water Resources inspected the dam on Monday.", "Ministry of Fisheries, Forestry and Water Resources")]
    [InlineData("She heads the Office of Housing and Urban Renewal at the city council.", "Office of Housing and Urban Renewal")]
    [InlineData("The Ports and Shipping Ministry said the channel would reopen within a week.", "Ports and Shipping Ministry")]
    public void Run_GovernmentBodyWithCoordinatedPortfolios_IsOneOrganisation(string body, string name)
    {
        var org = Assert.Single(EntityAssertions.Recognize(body), e => e.Type == EntityType.Organization);
        Assert.Equal(name, org.Name);
    }

    [Fact]
    public void Run_BodyFollowedByListOfCountries_DoesNotSwallowTheCountries()
    {
        var e = EntityAssertions.Recognize("Envoys met at the Ministry of Defence, France and Germany said on Monday.");

        Assert.Contains(e, x => x.Name == "France" && x.Type == EntityType.Location);
        Assert.Contains(e, x => x.Name == "Germany" && x.Type == EntityType.Location);
    }
    [Theory]
    [InlineData("A cargo ship ran aground off Vastergrund on Tuesday, the coastguard said.", "Vastergrund", EntityType.Location)]
    [InlineData("The provincial government of Kharvani closed schools for the week.", "Kharvani", EntityType.Location)]
    [InlineData("\"We lost half the harvest,\" said Mina Forde, owner of Forde Orchard Supply.", "Forde Orchard Supply", EntityType.Organization)]
    [InlineData("Greenvale Growers Alliance, a trade group, opposed the levy on Monday.", "Greenvale Growers Alliance", EntityType.Organization)]
    [InlineData("Brightwater Home Helpers, a family-owned company, hired 40 staff this year.", "Brightwater Home Helpers", EntityType.Organization)]
    public void Run_UnknownNameInPlaceOrBusinessContext_GetsThatType(string body, string name, EntityType type)
    {
        var entity = Assert.Single(EntityAssertions.Recognize(body), e => e.Name == name);
        Assert.Equal(type, entity.Type);
    }
    [Fact]
    public void Run_PrefectureAndBareName_AreOnePlaceNamedInFull()
    {
        var e = EntityAssertions.Recognize("The carmaker will build a battery plant in Aomori Prefecture. Aomori offered land and tax breaks.");

        var place = Assert.Single(e, x => x.Type == EntityType.Location);
        Assert.Equal("Aomori Prefecture", place.Name);
    }

    [Theory]
    [InlineData("Flooding closed roads across Minas Gerais on Sunday.", "Minas Gerais")]
    [InlineData("Growers in Jalisco expect a smaller avocado crop.", "Jalisco")]
    [InlineData("Heavy rain hit Shizuoka overnight.", "Shizuoka")]
    [InlineData("Schools in Balochistan reopened on Monday.", "Balochistan")]
    public void Run_FirstLevelSubdivision_IsLocation(string body, string name) =>
        Assert.Equal(EntityType.Location, Assert.Single(EntityAssertions.Recognize(body), x => x.Name == name).Type);

    [Fact]
    public void Run_BinationalCompanyName_IsOrganisation()
    {
        var e = EntityAssertions.Recognize("Officials at Rio Verde Binacional said the turbines were back in service.");

        Assert.Equal(EntityType.Organization, Assert.Single(e, x => x.Name == "Rio Verde Binacional").Type);
    }
    [Fact]
    public void Run_SpanishDoubleSurname_FirstSurnameAloneIsTheSamePerson()
    {
        var r = SemanticStage.Run("",
            "Transport Minister Carolina Ibarra Solano opened the new bridge on Friday.\n\n" +
            "Ibarra said the crossing would cut journeys by half.");

        var person = Assert.Single(r.Entities, e => e.Type == EntityType.Person);
        Assert.Equal("Carolina Ibarra Solano", person.Name);
    }

    [Fact]
    public void Run_PortfolioBeforeViceMinister_IsTitleAndSentenceEndSpeakerGetsEmbeddedQuote()
    {
        var r = SemanticStage.Run("",
            "Chile and Peru are \"only weeks away from a signed water accord\" on the shared aquifer in the north, Chilean Water Vice Minister Tomas Reyes Vidal said on Monday.");

        Assert.DoesNotContain(r.Entities, e => e.Type == EntityType.Organization);
        Assert.Equal("Tomas Reyes Vidal", Assert.Single(r.Quotes).Speaker);
    }
    [Fact]
    public void Extract_WeekdayAfterNounPlan_IsPastButPlansToIsFuture()
    {
        var e = Extract("Port approves breakwater rebuild after winter storms", "", "Published: March 4, 2026", "",
            "The mayor welcomed the plan at a news conference on Monday, saying work would start soon.", "",
            "The port plans to open bids on Friday.");

        Assert.Contains(e.Dates, d => d.Text.EndsWith("Monday", StringComparison.Ordinal) && d.Value == "2026-03-02");
        Assert.Contains(e.Dates, d => d.Text.EndsWith("Friday", StringComparison.Ordinal) && d.Value == "2026-03-06");
    }
    [Fact]
    public void Run_KnownStateFollowedByRegion_IsTwoPlaces()
    {
        var e = EntityAssertions.Recognize("Storms lashed towns on the Queensland Sunshine Coast on Monday, and the Sunshine Coast council opened shelters.");

        Assert.Contains(e, x => x.Name == "Queensland" && x.Type == EntityType.Location);
        Assert.Contains(e, x => x.Name == "Sunshine Coast" && x.Type == EntityType.Location);
        Assert.DoesNotContain(e, x => x.Name == "Queensland Sunshine Coast");
    }
    [Fact]
    public void Run_CompanyFirstWordAlone_IsTheCompanyButPlaceBeforeCouncilStaysAPlace()
    {
        var e = EntityAssertions.Recognize("Marukawa Robotics Co. will build a plant near the port. Marukawa expects the plant to employ 300 people. " +
            "The Glasgow City Council approved the site, and Glasgow will widen the access road.");

        var company = Assert.Single(e, x => x.Name == "Marukawa Robotics Co.");
        Assert.Equal(EntityType.Organization, company.Type);
        Assert.DoesNotContain(e, x => x.Name == "Marukawa");
        Assert.Contains(e, x => x.Name == "Glasgow" && x.Type == EntityType.Location);
    }
    [Fact]
    public void Run_BracketedAcronymInAnotherLanguageOrder_IsAliasOfTheName()
    {
        var e = EntityAssertions.Recognize("Senator Ana Ruiz, of the Liberal Radical Party (PRL), criticised the budget on Monday.");

        var org = Assert.Single(e, x => x.Name == "Liberal Radical Party");
        Assert.Contains("PRL", org.Aliases);
        Assert.DoesNotContain(e, x => x.Name == "PRL");
    }
    [Fact]
    public void Run_BodyForAPlace_IsOneOrganisation()
    {
        var e = EntityAssertions.Recognize("Delegates will meet at the Fisheries Committee for West Africa in Dakar next month.");

        Assert.Equal(EntityType.Organization, Assert.Single(e, x => x.Name == "Fisheries Committee for West Africa").Type);
        Assert.Contains(e, x => x.Name == "Dakar" && x.Type == EntityType.Location);
    }
    [Fact]
    public void Run_UnknownNameBeforeResident_IsPlace()
    {
        var e = EntityAssertions.Recognize("Not everyone agrees. Harrowfield resident Nadia Okafor said the new bus line was overdue.");

        Assert.Equal(EntityType.Location, Assert.Single(e, x => x.Name == "Harrowfield").Type);
        Assert.Equal(EntityType.Person, Assert.Single(e, x => x.Name == "Nadia Okafor").Type);
    }
    [Fact]
    public void Extract_MastheadRepeatedInBody_IsNotBody()
    {
        var e = Extract("Valley Courier", "Latest | Region | Nation | Money | Opinion | Sport",
            "Ferry crews win new night-time safety rules on the lower river", "By Ana Petrov",
            "Posted Tue 10 Mar 2026 at 7:15am", "", Para1, "", "VALLEY COURIER", "", Para2);

        Assert.DoesNotContain("VALLEY COURIER", e.Body);
        Assert.Contains(Para2, e.Body);
    }
}
