using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Events.V1;
using Platform.Query.Storage;
using Platform.Query.Tests.Fixtures;

namespace Platform.Query.Tests.Unit;

public sealed class QueryEventTests
{
    [Fact]
    public void Validate_CompleteEvent_ReturnsNull()
    {
        Assert.Null(QueryEvent.From(Events.Submitted("tenant-a", "doc-1")).Validate());
    }

    [Theory]
    [InlineData("", "doc-1", "tenant-a", "event_id is empty")]
    [InlineData("evt-1", " ", "tenant-a", "document_id is empty")]
    [InlineData("evt-1", "doc-1", "", "tenant is empty")]
    [InlineData("evt-1", "doc\u00001", "tenant-a", "an identifier contains control characters")]
    public void Validate_MissingOrBadIdentifiers_SaysWhich(string eventId, string documentId, string tenant, string expected)
    {
        var e = Events.Submitted(tenant, documentId);
        e.EventId = eventId;

        Assert.Equal(expected, QueryEvent.From(e).Validate());
    }

    [Fact]
    public void Validate_TimestampOutOfRange_IsRejectedNotThrown()
    {
        var e = Events.Submitted("tenant-a", "doc-1");
        e.OccurredAt = new Timestamp { Seconds = long.MaxValue };

        Assert.Equal("occurred_at is not a valid timestamp", QueryEvent.From(e).Validate());
    }

    [Fact]
    public void Validate_ExtractedWithoutExtraction_IsRejected()
    {
        var e = Events.Extracted("tenant-a", "doc-1", "t", "b");
        e.Extraction = null;

        Assert.Equal("DocumentExtracted carries no extraction", QueryEvent.From(e).Validate());
    }

    [Fact]
    public void EngineVersion_FallsBackToTheExtractionsOwn()
    {
        var e = Events.Extracted("tenant-a", "doc-1", "t", "b", engineVersion: "engine-7");
        e.EngineVersion = "";

        Assert.Equal("engine-7", QueryEvent.From(e).EngineVersion);
    }

    [Fact]
    public void Parse_RoundTripsEveryEventType()
    {
        var failed = Events.Failed("tenant-a", "doc-1");
        var evt = QueryEvent.From(failed);

        Assert.Equal("platform.events.v1.ExtractionFailed", evt.EventType);
        Assert.Equal(failed, QueryEvent.Parse(evt.EventType, Google.Protobuf.MessageExtensions.ToByteArray(failed)));
        Assert.Throws<InvalidOperationException>(() => QueryEvent.Parse("platform.events.v1.Unknown", []));
    }

    [Fact]
    public void EntityText_ListsNamesAndAliasesOnce()
    {
        var e = Events.Extracted("tenant-a", "doc-1", "t", "b", "engine-1", null, "Maren Okafor", "Maren Okafor");
        e.Extraction.Entities[0].Aliases.Add("Okafor");

        Assert.Equal("Maren Okafor\nOkafor", QueryEvent.EntityText(e.Extraction));
    }
}
