using System.Text;
using Platform.Ingest.Documents;
using Platform.Ingest.Storage;

namespace Platform.Ingest.Tests.Fixtures;

/// <summary>Small documents written for these tests.</summary>
internal static class Samples
{
    public const string Harbour =
        "PORT ELLEN - The harbour board voted on Tuesday to rebuild the north breakwater, ending a two-year dispute " +
        "over who should pay for storm repairs. \"We could not wait for another winter,\" said chair Morag Lennie.";

    public const string Ferry =
        "KIRKWALL - A new electric ferry entered service between the islands on Monday, the operator said, " +
        "cutting the crossing time by eleven minutes.";

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A new-document record for the store, with an outbox event whose payload is recognisable.</summary>
    public static NewDocument New(string tenant, string text, string? idempotencyKey = null, string? id = null, string fileName = "story.txt")
    {
        var content = Utf8(text);
        var documentId = id ?? DocumentIds.New(TimeProvider.System);
        return new NewDocument(
            documentId, tenant, DocumentIngestor.Hash(content), "text/plain", fileName, "ext-" + documentId, idempotencyKey, content,
            DateTimeOffset.UtcNow,
            new OutboxEvent(Guid.NewGuid().ToString(), "platform.events.v1.DocumentSubmitted", Utf8("event for " + documentId)));
    }
}
