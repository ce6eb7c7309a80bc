using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;

namespace Platform.Query.Tests.Fixtures;

/// <summary>Events as Ingest and Extraction publish them, with the project's own small sample texts.</summary>
public static class Events
{
    // The read model keeps times to the microsecond, so sample events carry no finer precision.
    private static Timestamp Now()
    {
        var now = DateTimeOffset.UtcNow;
        return Timestamp.FromDateTimeOffset(now.AddTicks(-(now.Ticks % 10)));
    }

    public static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    public static DocumentSubmitted Submitted(string tenant, string documentId, string? eventId = null, string fileName = "story.txt") => new()
    {
        EventId = eventId ?? NewId("evt"),
        DocumentId = documentId,
        Tenant = tenant,
        OccurredAt = Now(),
        MediaType = "text/plain",
        FileName = fileName,
        ContentHash = new string('a', 64),
        SizeBytes = 1234,
        ExternalId = "ext-" + documentId,
    };

    public static DocumentExtracted Extracted(
        string tenant, string documentId, string title, string body, string engineVersion = "engine-1", string? eventId = null, params string[] entities)
    {
        var extraction = new Extraction
        {
            Title = title,
            Body = body,
            Source = "Harbour Gazette",
            PublishedAt = "2026-03-14",
            Language = "en",
            EngineVersion = engineVersion,
        };
        foreach (var name in entities)
            extraction.Entities.Add(new Entity { Name = name, Type = EntityType.Person, MentionCount = 1 });
        return new DocumentExtracted
        {
            EventId = eventId ?? NewId("evt"),
            DocumentId = documentId,
            Tenant = tenant,
            OccurredAt = Now(),
            Extraction = extraction,
            EngineVersion = engineVersion,
            DurationMs = 12,
        };
    }

    public static ExtractionFailed Failed(string tenant, string documentId, string reason = "unsupported media type image/png", string engineVersion = "engine-1", string? eventId = null) => new()
    {
        EventId = eventId ?? NewId("evt"),
        DocumentId = documentId,
        Tenant = tenant,
        OccurredAt = Now(),
        Reason = reason,
        ErrorCode = "unsupported_media_type",
        EngineVersion = engineVersion,
    };

    // Sample texts written for these tests.
    public const string LighthouseBody =
        "The old lighthouse on Gull Point was relit on Saturday after a decade in darkness.\n\n" +
        "Volunteers from the harbour trust spent two winters restoring the lantern room, the keeper's stairs and the foghorn.\n\n" +
        "\"We wanted ships to see the lighthouse again,\" said Maren Okafor, who chairs the trust.";

    public const string FerryBody =
        "The island ferry will run a reduced timetable through March while its engines are overhauled.\n\n" +
        "Passengers were told to book early; the harbour office said the lighthouse tour boats are unaffected.";

    public const string BakeryBody =
        "A bakery on Quay Street won the regional bread prize for its rye loaf.\n\n" +
        "The judges praised the crust and the slow fermentation.";
}
