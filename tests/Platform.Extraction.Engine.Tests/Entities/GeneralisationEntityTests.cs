using Platform.Contracts.Documents.V1;
using Platform.Extraction.Engine.Quotes;
using static Platform.Extraction.Engine.Tests.Entities.EntityAssertions;

namespace Platform.Extraction.Engine.Tests.Entities;

/// <summary>
/// Entity typing of names the lexicons do not know: person only with person evidence, otherwise organisation or
/// place from the words around the name. All sentences and names are made up for these tests.
/// </summary>
public class GeneralisationEntityTests
{
    [Fact]
    public void Run_UnknownTwoWordNameWithPluralVerb_IsOrganisationNotPerson()
    {
        var e = Recognize("Wexford Harriers have agreed a fee for the winger, the club confirmed on Friday.");

        Assert.Equal(EntityType.Organization, Single(e, "Wexford Harriers").Type);
        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
    }

    [Fact]
    public void Run_UnknownNameWithoutAnyEvidence_IsNotGuessedAsPerson()
    {
        var e = Recognize("Many visitors praised Mossgiel Brae for its views over the estuary.");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
    }

    [Fact]
    public void Run_UnknownFullName_IsPersonWhenTheSurnameIsUsedWithAReportingVerb()
    {
        var e = Recognize("Tiberiu Ancuta joined the board in May. Ancuta said the firm would open two plants.");

        var p = Single(e, "Tiberiu Ancuta");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Contains("Ancuta", p.Aliases);
    }

    [Fact]
    public void Run_NameThatSaidFollowsButThatContainsACommonWord_IsNotPerson()
    {
        var e = Recognize("Homes served by Tarrow Linn Water lost supply. Tarrow Linn Water said it had repaired the main, and water was flowing again.");

        Assert.Equal(EntityType.Organization, Single(e, "Tarrow Linn Water").Type);
    }

    [Fact]
    public void Run_NameBeforeGovernment_IsLocation()
    {
        var e = Recognize("The Veloria government has rejected the proposal.");

        Assert.Equal(EntityType.Location, Single(e, "Veloria").Type);
    }

    [Fact]
    public void Run_SeatAfterMpFor_IsLocation()
    {
        var e = Recognize("The amendment was moved by Anne Cole, the MP for Kettleby Vale, on Tuesday.");

        Assert.Equal(EntityType.Location, Single(e, "Kettleby Vale").Type);
        Assert.Equal(EntityType.Person, Single(e, "Anne Cole").Type);
    }

    [Fact]
    public void Run_CompassWordBeforeKnownCounty_IsOneLocation()
    {
        var e = Recognize("Flood defences in South Somerset were raised before the storm.");

        Assert.Equal(EntityType.Location, Single(e, "South Somerset").Type);
        AssertNoEntity(e, "Somerset");
    }

    [Fact]
    public void Run_SubdivisionsOfLargeDemocracies_AreKnownLocations()
    {
        var e = Recognize("Farmers in Karnataka and Ohio face the same drought, and an Oregon law now caps water prices.");

        Assert.Equal(EntityType.Location, Single(e, "Karnataka").Type);
        Assert.Equal(EntityType.Location, Single(e, "Ohio").Type);
        Assert.Equal(EntityType.Location, Single(e, "Oregon").Type);
    }

    [Fact]
    public void Run_ListAfterPlaceNounOf_GivesEveryItemTheLocationType()
    {
        var e = Recognize("Relief camps were opened in the districts of Rambleford, Oxhay and Pennick after the cyclone.");

        Assert.Equal(EntityType.Location, Single(e, "Rambleford").Type);
        Assert.Equal(EntityType.Location, Single(e, "Oxhay").Type);
        Assert.Equal(EntityType.Location, Single(e, "Pennick").Type);
    }

    [Fact]
    public void Run_SingleUnknownWordAfterFrom_IsLocation()
    {
        var e = Recognize("The bill was sponsored by a councillor from Yarrowby who spoke at the hearing.");

        Assert.Equal(EntityType.Location, Single(e, "Yarrowby").Type);
    }

    [Fact]
    public void Run_PlaceAfterKnownCityInBrackets_IsLocation()
    {
        var e = Recognize("Mumbai (Konkanpur) [India], May 2: Heavy rain closed schools across the city.");

        Assert.Equal(EntityType.Location, Single(e, "Konkanpur").Type);
    }

    [Fact]
    public void Run_TownFollowedByKnownState_IsLocation()
    {
        var e = Recognize("The warehouse in Tolleson, Arizona, was sold last year.");

        Assert.Equal(EntityType.Location, Single(e, "Tolleson").Type);
        Assert.Equal(EntityType.Location, Single(e, "Arizona").Type);
    }

    [Fact]
    public void Run_CamelCaseBrandAfterPassiveAgentVerb_IsOrganisation()
    {
        var e = Recognize("Analysts polled by DataPulse had expected a smaller loss, and the fan forum on ChatHub was busy.");

        Assert.Equal(EntityType.Organization, Single(e, "DataPulse").Type);
        Assert.Equal(EntityType.Organization, Single(e, "ChatHub").Type);
    }

    [Fact]
    public void Run_EmployerBeforeRoleAndName_IsOrganisation()
    {
        var e = Recognize("Norsk Kraftlag chief executive Ola Brenden said prices would fall.");

        Assert.Equal(EntityType.Organization, Single(e, "Norsk Kraftlag").Type);
        Assert.Equal(EntityType.Person, Single(e, "Ola Brenden").Type);
    }

    [Fact]
    public void Run_AllCapsDatelineWithAgencyCredit_IsTheCityAsLocation()
    {
        var e = Recognize("MORVANTE (AP) - Dock workers in Morvante walked out on Monday over pay.");

        var city = Single(e, "Morvante");
        Assert.Equal(EntityType.Location, city.Type);
        Assert.Equal("Morvante", city.Name);
        Assert.Equal(2, city.MentionCount);
    }

    [Fact]
    public void Run_AllCapsDatelineWithDash_IsLocation()
    {
        var e = Recognize("KESTRELTON \u2014 The city council voted to close the old bridge.");

        Assert.Equal(EntityType.Location, Single(e, "Kestrelton").Type);
    }

    [Fact]
    public void Run_CourtWordBeforeJudge_BelongsToTheTitleNotToAPlace()
    {
        var e = Recognize("U.S. District Judge Maria Fenn refused the request. The state will appeal to the Fourth Circuit.");

        Assert.Equal(EntityType.Person, Single(e, "Maria Fenn").Type);
        Assert.Equal(EntityType.Location, Single(e, "U.S.").Type);
        AssertNoEntity(e, "U.S. District");
        Assert.Equal(EntityType.Organization, Single(e, "Fourth Circuit").Type);
    }

    [Fact]
    public void Run_CommonNounAbbreviations_AreNotEntities()
    {
        var e = Recognize("Patients should ask their GP before the MRI, the clinic said at 9:30 PM EST.");

        AssertNoEntity(e, "GP");
        AssertNoEntity(e, "MRI");
        AssertNoEntity(e, "EST");
    }

    [Fact]
    public void Run_InstitutionNameEndingWithItsCity_IsOneOrganisationWithItsAcronym()
    {
        var e = Recognize("Researchers at Imperial College London (ICL) led the trial.");

        var org = Single(e, "Imperial College London");
        Assert.Equal(EntityType.Organization, org.Type);
        Assert.Contains("ICL", org.Aliases);
        AssertNoEntity(e, "London");
    }

    [Fact]
    public void Run_KnightStyledWithGivenName_MergesWithTheFullName()
    {
        var e = Recognize("Sir Alan Brixworth opened the debate for the opposition. Later Sir Alan said the vote was lost.");

        var p = Single(e, "Alan Brixworth");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Contains("Sir Alan", p.Aliases);
        Assert.Single(e, x => x.Type == EntityType.Person);
    }

    [Fact]
    public void Run_InitialBeforeSurname_StaysPartOfTheName()
    {
        var e = Recognize("Chief Minister R. Kavinesan chaired the meeting. Kavinesan said work would start soon.");

        var p = Single(e, "R. Kavinesan");
        Assert.Equal(EntityType.Person, p.Type);
        Assert.Equal("R. Kavinesan", p.Name);
        Assert.Contains("Kavinesan", p.Aliases);
    }

    [Fact]
    public void Run_InitialOfPlanLetter_StillEndsTheSentence()
    {
        var e = Recognize("The council chose plan B. The work starts in Oslo next week.");

        AssertNoEntity(e, "B. The");
        Assert.Equal(EntityType.Location, Single(e, "Oslo").Type);
    }

    [Fact]
    public void Run_LongNameFollowedByItsInitialsInBrackets_IsOneOrganisation()
    {
        var e = Recognize("The opposition Maria Nova Liberdade Popular (MNLP) walked out of the chamber.");

        var org = Single(e, "Maria Nova Liberdade Popular");
        Assert.Equal(EntityType.Organization, org.Type);
        Assert.Contains("MNLP", org.Aliases);
        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
    }

    [Fact]
    public void Run_UnknownPossessiveBeforeCountry_IsOneOrganisationAndSpeaker()
    {
        var r = SemanticStage.Run("", "Fenwick's UK, which funds hospices, said the cuts were \"a blow to every family we support\", but promised to keep going.");

        Assert.Equal(EntityType.Organization, Single(r.Entities, "Fenwick's UK").Type);
        Assert.Equal("Fenwick's UK", Assert.Single(r.Quotes).Speaker);
    }

    [Fact]
    public void Run_PossessiveBeforeCountryAndNoun_StaysApart()
    {
        var e = Recognize("Officials said Halloran's US tour was cancelled.");

        AssertNoEntity(e, "Halloran's US");
    }

    [Fact]
    public void Run_NameAfterRadioStation_IsOrganisation()
    {
        var e = Recognize("The coach later told radio station Onda Norte that the squad was tired.");

        Assert.Equal(EntityType.Organization, Single(e, "Onda Norte").Type);
    }

    [Fact]
    public void Run_ClubPrefixBeforeKnownCity_IsOneClubNotAPlace()
    {
        var e = Recognize("The striker joined Sporting Lisbon after two seasons in Germany.");

        Assert.Equal(EntityType.Organization, Single(e, "Sporting Lisbon").Type);
        AssertNoEntity(e, "Lisbon");
    }

    [Fact]
    public void Run_CompanyLegalFormSuffixes_MakeOrganisations()
    {
        var e = Recognize("Shares in Tarnbridge plc fell after Kessler Werke AG cut its forecast.");

        Assert.Equal(EntityType.Organization, Single(e, "Tarnbridge").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Kessler Werke AG").Type);
    }

    [Theory]
    [InlineData("The plan is too costly, according to Tovah Brennick.", "Tovah Brennick")]
    [InlineData("Tovah Brennick, who chairs the panel, backed the plan.", "Tovah Brennick")]
    [InlineData("Tovah Brennick, 52, was arrested at the port.", "Tovah Brennick")]
    [InlineData("Tovah Brennick opened the meeting. She asked for a recount.", "Tovah Brennick")]
    public void Run_UnknownNameWithPersonContext_IsPerson(string body, string name) =>
        Assert.Equal(EntityType.Person, Single(Recognize(body), name).Type);

    [Fact]
    public void Run_CapitalisedCommonWordOpeningAParagraphBeforeADash_IsNotADateline()
    {
        var e = Recognize("The ferry was late.\n\nWARNING - this road floods after heavy rain and the warning signs are often missed.");

        AssertNoEntity(e, "Warning");
    }

    [Fact]
    public void Run_TheAbbreviatedCountryAndUnknownWord_IsAnOrganisationAndTheCountry()
    {
        var e = Recognize("Samples were stored in the UK Genebank, a national archive.");

        Assert.Equal(EntityType.Organization, Single(e, "UK Genebank").Type);
        Assert.Equal(EntityType.Location, Single(e, "UK").Type);
    }

    [Fact]
    public void Run_TheAbbreviatedCountryAndEventWord_IsNoOrganisation()
    {
        var e = Recognize("The ruling cited the US Constitution twice.");

        AssertNoEntity(e, "US Constitution");
        Assert.DoesNotContain(e, x => x.Type == EntityType.Organization);
    }

    [Fact]
    public void Run_PlaceAfterOfBeforePluralVerb_IsNotTypedByTheVerb()
    {
        var e = Recognize("Residents of Corran Point were told to leave before the tide.");

        Assert.Equal(EntityType.Location, Single(e, "Corran Point").Type);
    }

    [Fact]
    public void Run_SentenceOpeningClubWithPluralVerb_IsOrganisationButCommonPluralsAreNot()
    {
        var e = Recognize("The storm hit on Friday. Dunmere have postponed their home game. People are angry. Consumers were warned.");

        Assert.Equal(EntityType.Organization, Single(e, "Dunmere").Type);
        AssertNoEntity(e, "People");
        AssertNoEntity(e, "Consumers");
    }

    [Fact]
    public void Run_AnalystsAtUnknownName_IsTheEmployerNotAPerson()
    {
        var e = Recognize("Analysts at Brodie Kerr said the bank was exposed.");

        Assert.Equal(EntityType.Organization, Single(e, "Brodie Kerr").Type);
    }

    [Fact]
    public void Run_PlaceBeforeKnownRegionInBrackets_IsLocation()
    {
        var e = Recognize("Dharwadi (Madhya Pradesh) [India], July 4: The council met on Friday.");

        Assert.Equal(EntityType.Location, Single(e, "Dharwadi").Type);
        Assert.Equal(EntityType.Location, Single(e, "Madhya Pradesh").Type);
    }

    [Fact]
    public void Run_ChainOfInitials_StaysPartOfTheName()
    {
        var e = Recognize("Speaker P. R. Venkatesh adjourned the House.");

        Assert.Equal(EntityType.Person, Single(e, "P. R. Venkatesh").Type);
    }

    [Fact]
    public void Run_LeaderOfOpposition_IsATitleNotPartOfTheName()
    {
        var e = Recognize("Leader of Opposition Kavita Rane said the bill was rushed.");

        Assert.Equal("Kavita Rane", Single(e, "Kavita Rane").Name);
        Assert.DoesNotContain(e, x => x.Name.Contains("Opposition", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_SiteNounAfterAPreposition_DoesNotMakeThePrecedingWordAPlace()
    {
        var e = Recognize("Later Grundvik walks out over farm subsidies.");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Location);
    }

    [Fact]
    public void Run_PartiesOfLargeDemocraciesAndNewsAgencies_AreKnownOrganisations()
    {
        var e = Recognize("The CDU and Sinn Fein both lost seats, and the African National Congress kept its majority, ANSA reported.");

        Assert.Equal(EntityType.Organization, Single(e, "CDU").Type);
        Assert.Equal(EntityType.Organization, Single(e, "Sinn Fein").Type);
        Assert.Equal(EntityType.Organization, Single(e, "African National Congress").Type);
        Assert.Equal(EntityType.Organization, Single(e, "ANSA").Type);
    }

    [Fact]
    public void Run_SingleUnknownWordAfterAgainst_IsOrganisationButBrexitIsNoEntity()
    {
        var e = Recognize("He could make his debut against Dunmere on Saturday. Voters turned against Brexit.");

        Assert.Equal(EntityType.Organization, Single(e, "Dunmere").Type);
        AssertNoEntity(e, "Brexit");
    }

    [Fact]
    public void Run_SentenceOpeningAdjectiveBeforeRoleAndName_IsNoOrganisation()
    {
        var e = Recognize("Crowds gathered outside. Local councillor Idris Pennant said residents were shocked.");

        AssertNoEntity(e, "Local");
        Assert.Equal(EntityType.Person, Single(e, "Idris Pennant").Type);
    }

    [Fact]
    public void Run_MultiWordNameWithCamelCaseWordBeforeSaid_IsNoPerson()
    {
        var e = Recognize("Investors were cautious. Chipmaker VoltLattice said on Thursday it had raised $40 million.");

        Assert.DoesNotContain(e, x => x.Type == EntityType.Person);
        Assert.Contains(e, x => x.Type == EntityType.Organization && x.Name.Contains("VoltLattice", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Police said Jordan Whitlock, of Harehills, would appear in court.", "Jordan Whitlock")]
    [InlineData("Police said Chad Ormsby, aged 24, would appear in court.", "Chad Ormsby")]
    public void Run_PlaceNameUsedAsGivenNameWithPersonContext_IsPerson(string body, string name)
    {
        var e = Recognize(body);

        Assert.Equal(EntityType.Person, Single(e, name).Type);
        Assert.DoesNotContain(e, x => x.Type == EntityType.Location && x.Name == name.Split(' ')[0]);
    }

    [Fact]
    public void Run_KnownCityAndPluralNickname_IsOneTeam()
    {
        var e = Recognize("The Denver Falcons beat the visitors on Sunday. The Falcons have won five straight.");

        var team = Single(e, "Denver Falcons");
        Assert.Equal(EntityType.Organization, team.Type);
        Assert.Contains("Falcons", team.Aliases);
    }

    [Fact]
    public void Run_AllCapsDatelineWithDateAndCredit_IsLocation()
    {
        var e = Recognize("DORRANPUR, June 20 (Reuters) - Floods displaced thousands in the region, officials said.");

        Assert.Equal(EntityType.Location, Single(e, "Dorranpur").Type);
    }

    [Fact]
    public void Run_MultiWordLastItemOfAPlaceList_IsLocation()
    {
        var e = Recognize("The river rose in Kelburn, Orrick and Nimba Ghat on Friday.");

        Assert.Equal(EntityType.Location, Single(e, "Nimba Ghat").Type);
    }

    [Fact]
    public void Run_RoleNounAndCommaBeforeUnknownName_IsPerson()
    {
        var e = Recognize("The farm minister, Ilse Varkonyi, criticised the plan on Monday.");

        Assert.Equal(EntityType.Person, Single(e, "Ilse Varkonyi").Type);
    }

    [Fact]
    public void Run_SaidBeforeUnknownName_IsPerson()
    {
        var e = Recognize("\"The harvest is late again this year,\" said Oskari Lehtinen, a grower.");

        Assert.Equal(EntityType.Person, Single(e, "Oskari Lehtinen").Type);
    }
}
