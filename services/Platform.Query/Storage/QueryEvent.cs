using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Events.V1;

namespace Platform.Query.Storage;

public enum QueryEventKind
{
    Submitted,
    Extracted,
    Failed,
}

/// <summary>One event as the read model applies it: the common envelope plus the original message.</summary>
public sealed class QueryEvent
{
    private QueryEvent(QueryEventKind kind, IMessage message, string eventId, string documentId, string tenant, Timestamp? occurredAt)
    {
        Kind = kind;
        Message = message;
        EventId = eventId;
        DocumentId = documentId;
        Tenant = tenant;
        // A producer that forgot occurred_at still gets a usable timestamp: the time Query saw the event.
        OccurredAt = DateTimeOffset.UtcNow;
        if (occurredAt is not null)
        {
            try
            {
                OccurredAt = occurredAt.ToDateTimeOffset();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentOutOfRangeException)
            {
                _timestampProblem = "occurred_at is not a valid timestamp";
            }
        }
    }

    private readonly string? _timestampProblem;

    public QueryEventKind Kind { get; }
    public IMessage Message { get; }
    public string EventId { get; }
    public string DocumentId { get; }
    public string Tenant { get; }
    public DateTimeOffset OccurredAt { get; }

    /// <summary>Proto full name, stored in the event log ("platform.events.v1.DocumentExtracted").</summary>
    public string EventType => Message.Descriptor.FullName;

    public DocumentSubmitted? Submitted => Message as DocumentSubmitted;
    public DocumentExtracted? Extracted => Message as DocumentExtracted;
    public ExtractionFailed? Failed => Message as ExtractionFailed;

    public static QueryEvent From(DocumentSubmitted e) => new(QueryEventKind.Submitted, e, e.EventId, e.DocumentId, e.Tenant, e.OccurredAt);

    public static QueryEvent From(DocumentExtracted e) => new(QueryEventKind.Extracted, e, e.EventId, e.DocumentId, e.Tenant, e.OccurredAt);

    public static QueryEvent From(ExtractionFailed e) => new(QueryEventKind.Failed, e, e.EventId, e.DocumentId, e.Tenant, e.OccurredAt);

    /// <summary>Why the event cannot be applied, or null when it can.</summary>
    public string? Validate()
    {
        if (string.IsNullOrWhiteSpace(EventId))
            return "event_id is empty";
        if (string.IsNullOrWhiteSpace(DocumentId))
            return "document_id is empty";
        if (string.IsNullOrWhiteSpace(Tenant))
            return "tenant is empty";
        if (EventId.Length > 200 || DocumentId.Length > 200 || Tenant.Length > 200)
            return "an identifier is longer than 200 characters";
        if (EventId.Any(char.IsControl) || DocumentId.Any(char.IsControl) || Tenant.Any(char.IsControl))
            return "an identifier contains control characters";
        if (_timestampProblem is not null)
            return _timestampProblem;
        if (Kind == QueryEventKind.Extracted && Extracted!.Extraction is null)
            return "DocumentExtracted carries no extraction";
        return null;
    }

    /// <summary>Engine version the event was produced by (the idempotency key with the document id).</summary>
    public string EngineVersion => Kind switch
    {
        QueryEventKind.Extracted => Extracted!.EngineVersion is { Length: > 0 } v ? v : Extracted.Extraction?.EngineVersion ?? "",
        QueryEventKind.Failed => Failed!.EngineVersion,
        _ => "",
    };

    /// <summary>Parses an event-log entry back into its message.</summary>
    public static IMessage Parse(string eventType, byte[] payload) => eventType switch
    {
        _ when eventType == DocumentSubmitted.Descriptor.FullName => DocumentSubmitted.Parser.ParseFrom(payload),
        _ when eventType == DocumentExtracted.Descriptor.FullName => DocumentExtracted.Parser.ParseFrom(payload),
        _ when eventType == ExtractionFailed.Descriptor.FullName => ExtractionFailed.Parser.ParseFrom(payload),
        _ => throw new InvalidOperationException($"Unknown event type '{eventType}' in the event log"),
    };

    /// <summary>Entity names and aliases, indexed with the title and body so a search for a person finds the document.</summary>
    public static string EntityText(Extraction extraction) =>
        string.Join('\n', extraction.Entities.SelectMany(e => e.Aliases.Prepend(e.Name)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal));
}
