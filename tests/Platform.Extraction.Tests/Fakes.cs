using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Contracts.Documents.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Extraction.Ingest;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction.Tests;

/// <summary>Ingest's GetDocumentContent as a scripted sequence of answers per document.</summary>
internal sealed class FakeContentSource : IDocumentContentSource
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<GetDocumentContentResponse>>> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Calls(string documentId) => _calls.GetValueOrDefault(documentId);

    /// <summary>Every call answers with this document.</summary>
    public FakeContentSource Returns(string documentId, string tenant, byte[] content, string mediaType = "text/plain", string fileName = "a.txt") =>
        Then(documentId, () => Response(documentId, tenant, content, mediaType, fileName), sticky: true);

    /// <summary>Every call fails with <paramref name="code"/>.</summary>
    public FakeContentSource Fails(string documentId, StatusCode code) =>
        Then(documentId, () => throw new RpcException(new Status(code, $"scripted {code}")), sticky: true);

    /// <summary>The next call fails with <paramref name="code"/> (answers queue in order; the last sticky one repeats).</summary>
    public FakeContentSource FailsOnce(string documentId, StatusCode code) =>
        Then(documentId, () => throw new RpcException(new Status(code, $"scripted {code}")), sticky: false);

    private readonly ConcurrentDictionary<string, Func<GetDocumentContentResponse>> _sticky = new();

    private FakeContentSource Then(string documentId, Func<GetDocumentContentResponse> answer, bool sticky)
    {
        if (sticky)
            _sticky[documentId] = answer;
        else
            _scripts.GetOrAdd(documentId, _ => new()).Enqueue(answer);
        return this;
    }

    public Task<GetDocumentContentResponse> GetAsync(string documentId, CancellationToken cancellationToken)
    {
        _calls.AddOrUpdate(documentId, 1, (_, n) => n + 1);
        if (_scripts.TryGetValue(documentId, out var queue) && queue.TryDequeue(out var next))
            return Task.FromResult(next());
        if (_sticky.TryGetValue(documentId, out var answer))
            return Task.FromResult(answer());
        throw new RpcException(new Status(StatusCode.NotFound, $"Document '{documentId}' not found"));
    }

    public static GetDocumentContentResponse Response(string documentId, string tenant, byte[] content, string mediaType, string fileName) => new()
    {
        Document = new Document
        {
            Id = documentId,
            Tenant = tenant,
            MediaType = mediaType,
            FileName = fileName,
            SizeBytes = content.Length,
            State = DocumentState.Submitted,
            SubmittedAt = Timestamp.FromDateTime(DateTime.UtcNow),
        },
        Content = ByteString.CopyFrom(content),
    };
}

/// <summary>An engine stand-in whose behaviour each test chooses; records what it was given.</summary>
internal sealed class FakeExtractor(Func<byte[], string, string, CancellationToken, ExtractionRecord>? extract = null) : IExtractor
{
    public FakeExtractor(Func<byte[], string, string, ExtractionRecord> extract)
        : this((content, mediaType, fileName, _) => extract(content, mediaType, fileName))
    {
    }

    public const string FakeVersion = "test-9.9";

    public ConcurrentQueue<(byte[] Content, string MediaType, string FileName)> Inputs { get; } = new();

    public string Version => FakeVersion;

    public ExtractionRecord Extract(byte[] content, string mediaType, string fileName, CancellationToken cancellationToken)
    {
        Inputs.Enqueue((content, mediaType, fileName));
        if (extract is not null)
            return extract(content, mediaType, fileName, cancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(content);
        var title = text.Split('\n')[0].Trim();
        return new ExtractionRecord { Title = title, Body = text[title.Length..].Trim(), MediaType = mediaType };
    }
}
