using Google.Protobuf.WellKnownTypes;
using Platform.Contracts.Documents.V1;

namespace Platform.Query.Storage;

/// <summary>A row of the documents table as both stores read and write it. Times are unix microseconds (UTC).</summary>
internal sealed class DocumentRow
{
    public long DocKey { get; set; }
    public string Tenant { get; set; } = "";
    public string DocumentId { get; set; } = "";
    public long State { get; set; }
    public string MediaType { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public long SizeBytes { get; set; }
    public string ExternalId { get; set; } = "";
    public long? SubmittedAtUs { get; set; }
    public string Title { get; set; } = "";
    public string Source { get; set; } = "";
    public string PublishedAt { get; set; } = "";
    public string EngineVersion { get; set; } = "";
    public byte[]? Extraction { get; set; }
    public string FailureReason { get; set; } = "";
    public string ErrorCode { get; set; } = "";
    public long CreatedAtUs { get; set; }
    public long UpdatedAtUs { get; set; }

    /// <summary>Column list with aliases onto the properties; shared by both dialects.</summary>
    public const string Columns =
        "d.doc_key AS DocKey, d.tenant AS Tenant, d.document_id AS DocumentId, d.state AS State, d.media_type AS MediaType, " +
        "d.file_name AS FileName, d.content_hash AS ContentHash, d.size_bytes AS SizeBytes, d.external_id AS ExternalId, " +
        "d.submitted_at_us AS SubmittedAtUs, d.title AS Title, d.source AS Source, d.published_at AS PublishedAt, " +
        "d.engine_version AS EngineVersion, d.failure_reason AS FailureReason, d.error_code AS ErrorCode, " +
        "d.created_at_us AS CreatedAtUs, d.updated_at_us AS UpdatedAtUs";

    public const string ColumnsWithExtraction = Columns + ", d.extraction AS Extraction";

    public static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);

    public StoredDocument ToStored()
    {
        var document = new Document
        {
            Id = DocumentId,
            Tenant = Tenant,
            MediaType = MediaType,
            FileName = FileName,
            ContentHash = ContentHash,
            SizeBytes = SizeBytes,
            State = (DocumentState)State,
            UpdatedAt = Timestamp.FromDateTimeOffset(FromMicros(UpdatedAtUs)),
            ExternalId = ExternalId,
            FailureReason = FailureReason,
        };
        if (SubmittedAtUs is { } submitted)
            document.SubmittedAt = Timestamp.FromDateTimeOffset(FromMicros(submitted));
        var extraction = Extraction is { Length: > 0 } bytes && document.State == DocumentState.Extracted
            ? Contracts.Documents.V1.Extraction.Parser.ParseFrom(bytes)
            : null;
        return new StoredDocument(DocKey, document, Title, PublishedAt, Source, extraction);
    }
}

/// <summary>
/// How an event changes a document: the state machine both stores share. Terminal states never go back to
/// SUBMITTED, an extraction outranks a failure, (document id, engine version) already applied is a no-op, and a
/// result of an older engine than the one applied (a late redelivery during a rolling upgrade) changes nothing.
/// </summary>
internal static class ReadModelRules
{
    /// <summary>
    /// Whether <paramref name="incoming"/> names an older engine than <paramref name="current"/>: both are versions
    /// ("1.3.0", compared by number, so 1.10.0 is newer than 1.9.0) and the incoming one is lower. A version that
    /// does not parse is never older, so the newest event wins as it always did.
    /// </summary>
    internal static bool IsOlderEngine(string incoming, string current) =>
        Version.TryParse(incoming, out var a) && Version.TryParse(current, out var b) && a < b;

    private static bool NothingNew(DocumentRow current, QueryEvent evt) =>
        current.EngineVersion == evt.EngineVersion || IsOlderEngine(evt.EngineVersion, current.EngineVersion);

    /// <summary>The new row, or null when the event changes nothing. <paramref name="indexChanged"/>: title/body/entities changed.</summary>
    public static DocumentRow? Apply(DocumentRow? current, QueryEvent evt, long nowUs, out bool indexChanged)
    {
        indexChanged = false;
        switch (evt.Kind)
        {
            case QueryEventKind.Submitted:
            {
                // Ingest dedupes, so a second DocumentSubmitted for the same document carries nothing new.
                if (current?.SubmittedAtUs is not null)
                    return null;
                var e = evt.Submitted!;
                var row = current ?? NewRow(evt, nowUs, DocumentState.Submitted);
                row.MediaType = e.MediaType;
                row.FileName = e.FileName;
                row.ContentHash = e.ContentHash;
                row.SizeBytes = e.SizeBytes;
                row.ExternalId = e.ExternalId;
                row.SubmittedAtUs = DocumentRow.ToMicros(evt.OccurredAt);
                row.UpdatedAtUs = nowUs;
                return row;
            }

            case QueryEventKind.Extracted:
            {
                if (current is { State: (long)DocumentState.Extracted } && NothingNew(current, evt))
                    return null;
                var x = evt.Extracted!.Extraction;
                var row = current ?? NewRow(evt, nowUs, DocumentState.Extracted);
                row.State = (long)DocumentState.Extracted;
                row.Title = x.Title;
                row.Source = x.Source;
                row.PublishedAt = x.PublishedAt;
                row.EngineVersion = evt.EngineVersion;
                row.Extraction = Google.Protobuf.MessageExtensions.ToByteArray(x);
                row.FailureReason = "";
                row.ErrorCode = "";
                row.UpdatedAtUs = nowUs;
                indexChanged = true;
                return row;
            }

            case QueryEventKind.Failed:
            {
                // An extraction is the better terminal state: a late or redelivered failure must not hide it.
                if (current is { State: (long)DocumentState.Extracted })
                    return null;
                if (current is { State: (long)DocumentState.Failed } && NothingNew(current, evt))
                    return null;
                var e = evt.Failed!;
                var row = current ?? NewRow(evt, nowUs, DocumentState.Failed);
                row.State = (long)DocumentState.Failed;
                row.FailureReason = e.Reason.Length > 0 ? e.Reason : e.ErrorCode;
                row.ErrorCode = e.ErrorCode;
                row.EngineVersion = evt.EngineVersion;
                row.UpdatedAtUs = nowUs;
                return row;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(evt), evt.Kind, "Unknown event kind");
        }
    }

    private static DocumentRow NewRow(QueryEvent evt, long nowUs, DocumentState state) => new()
    {
        Tenant = evt.Tenant,
        DocumentId = evt.DocumentId,
        State = (long)state,
        CreatedAtUs = nowUs,
        UpdatedAtUs = nowUs,
    };
}
