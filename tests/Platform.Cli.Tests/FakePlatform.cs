using System.Collections.Concurrent;
using System.Security.Cryptography;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Documents.V1;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Ingest.V1;
using Platform.Contracts.Query.V1;
using Platform.ServiceDefaults;

namespace Platform.Cli.Tests;

/// <summary>
/// Ingest and Query stand-ins served by a real Kestrel host (HTTP/2 on a loopback port) with the platform's
/// own ServiceDefaults, so the CLI is tested over real gRPC with the real API-key check.
/// </summary>
internal sealed class FakePlatform : IAsyncDisposable
{
    public const string ApiKey = "test-key";

    private readonly WebApplication _app;

    private FakePlatform(WebApplication app, FakeIngest ingest, FakeQuery query, string address)
    {
        _app = app;
        Ingest = ingest;
        Query = query;
        Address = address;
    }

    public FakeIngest Ingest { get; }
    public FakeQuery Query { get; }
    public string Address { get; }

    /// <summary>Environment for the CLI pointing at this host with a valid key.</summary>
    public Dictionary<string, string> Environment => new() { ["PLATFORM_SERVER"] = Address, ["PLATFORM_API_KEY"] = ApiKey };

    public static async Task<FakePlatform> StartAsync(bool ingest = true, bool query = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration[$"Auth:ApiKeys:{ApiKey}"] = "tenant-a";
        builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        builder.Configuration["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning";
        builder.AddServiceDefaults();
        var fakeQuery = new FakeQuery();
        var fakeIngest = new FakeIngest(fakeQuery);
        builder.Services.AddSingleton(fakeIngest);
        builder.Services.AddSingleton(fakeQuery);
        var app = builder.Build();
        if (ingest)
            app.MapGrpcService<FakeIngest>();
        if (query)
            app.MapGrpcService<FakeQuery>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakePlatform(app, fakeIngest, fakeQuery, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

internal sealed class FakeIngest(FakeQuery query) : IngestService.IngestServiceBase
{
    private readonly ConcurrentDictionary<string, string> _idsByHash = new();

    /// <summary>"unary:&lt;file&gt;" or "stream:&lt;file&gt;:&lt;chunks&gt;" per call, in order.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public ConcurrentQueue<string> MediaTypes { get; } = new();

    public override Task<SubmitDocumentResponse> SubmitDocument(SubmitDocumentRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var bytes = request.PayloadCase == SubmitDocumentRequest.PayloadOneofCase.Text ? ByteString.CopyFromUtf8(request.Text) : request.Content;
        Calls.Enqueue($"unary:{request.FileName}");
        MediaTypes.Enqueue(request.MediaType);
        var (id, duplicate, hash) = Store(bytes.ToByteArray(), request.FileName);
        return Task.FromResult(new SubmitDocumentResponse { DocumentId = id, Duplicate = duplicate, ContentHash = hash, State = DocumentState.Submitted });
    }

    public override async Task<UploadDocumentResponse> UploadDocument(IAsyncStreamReader<UploadDocumentRequest> requestStream, ServerCallContext context)
    {
        context.GetCaller();
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.PartCase != UploadDocumentRequest.PartOneofCase.Metadata)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the first message must carry metadata"));
        var metadata = requestStream.Current.Metadata;
        using var content = new MemoryStream();
        var chunks = 0;
        while (await requestStream.MoveNext(context.CancellationToken))
        {
            requestStream.Current.Chunk.WriteTo(content);
            chunks++;
        }

        Calls.Enqueue($"stream:{metadata.FileName}:{chunks}");
        MediaTypes.Enqueue(metadata.MediaType);
        var (id, duplicate, hash) = Store(content.ToArray(), metadata.FileName);
        return new UploadDocumentResponse { DocumentId = id, Duplicate = duplicate, ContentHash = hash, SizeBytes = content.Length, State = DocumentState.Submitted };
    }

    private (string Id, bool Duplicate, string Hash) Store(byte[] bytes, string fileName)
    {
        if (bytes.Length == 0)
            throw new RpcException(new Status(StatusCode.InvalidArgument, "The document is empty"));
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var id = "doc-" + hash[..12];
        var added = _idsByHash.TryAdd(hash, id);
        if (added)
            query.Add(id, fileName, bytes.Length);
        return (id, !added, hash);
    }
}

/// <summary>
/// A read model that behaves like the real one seen from outside: a new document is unknown to Query at first
/// (events are asynchronous), then SUBMITTED, then EXTRACTED — or FAILED when its file name starts with "bad".
/// </summary>
internal sealed class FakeQuery : QueryService.QueryServiceBase
{
    private readonly ConcurrentDictionary<string, FakeDocument> _documents = new();

    public List<WatchEventsResponse> Events { get; } = [];
    public List<SearchHit> Hits { get; } = [];
    public ConcurrentQueue<SearchDocumentsRequest> Searches { get; } = new();
    public ConcurrentQueue<WatchEventsRequest> Watches { get; } = new();

    /// <summary>How many GetDocument calls a new document answers NotFound, then SUBMITTED, before its final state.</summary>
    public int NotFoundPolls { get; set; } = 1;

    public int SubmittedPolls { get; set; } = 1;

    public void Add(string id, string fileName, long size) =>
        _documents.TryAdd(id, new FakeDocument(new Document { Id = id, Tenant = "tenant-a", FileName = fileName, SizeBytes = size, MediaType = "text/plain" }));

    public void AddExtracted(string id, string title, params Entity[] entities)
    {
        Add(id, id + ".txt", 100);
        _documents[id].Polls = int.MaxValue / 2;
        _documents[id].Title = title;
        _documents[id].Entities = entities;
    }

    public override Task<GetDocumentResponse> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        context.GetCaller();
        if (!_documents.TryGetValue(request.DocumentId, out var d))
            throw new RpcException(new Status(StatusCode.NotFound, $"Document '{request.DocumentId}' not found"));
        var poll = Interlocked.Increment(ref d.Polls);
        if (poll <= NotFoundPolls)
            throw new RpcException(new Status(StatusCode.NotFound, $"Document '{request.DocumentId}' not found"));
        return Task.FromResult(Snapshot(d, poll));
    }

    public override Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        context.GetCaller();
        var all = _documents.Values.OrderBy(d => d.Document.Id, StringComparer.Ordinal).ToList();
        var offset = request.PageToken.Length > 0 ? int.Parse(request.PageToken, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var size = request.PageSize > 0 ? request.PageSize : 50;
        var page = all.Skip(offset).Take(size).ToList();
        var response = new ListDocumentsResponse { NextPageToken = offset + size < all.Count ? (offset + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : "" };
        response.Documents.AddRange(page.Select(d => new DocumentSummary { Document = d.Document.Clone(), Title = d.Title }));
        return Task.FromResult(response);
    }

    public override Task<SearchDocumentsResponse> SearchDocuments(SearchDocumentsRequest request, ServerCallContext context)
    {
        context.GetCaller();
        Searches.Enqueue(request);
        var response = new SearchDocumentsResponse();
        response.Hits.AddRange(Hits.Take(request.PageSize > 0 ? request.PageSize : 10));
        return Task.FromResult(response);
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<WatchEventsResponse> responseStream, ServerCallContext context)
    {
        context.GetCaller();
        Watches.Enqueue(request);
        IEnumerable<WatchEventsResponse> events = request.Cursor.Length > 0
            ? Events.SkipWhile(e => e.Cursor != request.Cursor).Skip(1)
            : request.FromBeginning ? Events : [];
        foreach (var e in events)
            await responseStream.WriteAsync(e, context.CancellationToken);
        // The real stream stays open for live events; ending it here lets the command finish.
    }

    private GetDocumentResponse Snapshot(FakeDocument d, int poll)
    {
        var document = d.Document.Clone();
        document.State = poll <= NotFoundPolls + SubmittedPolls ? DocumentState.Submitted
            : d.Document.FileName.StartsWith("bad", StringComparison.Ordinal) ? DocumentState.Failed
            : DocumentState.Extracted;
        var response = new GetDocumentResponse { Document = document };
        if (document.State == DocumentState.Failed)
            document.FailureReason = "unsupported media type image/png";
        if (document.State == DocumentState.Extracted)
        {
            var extraction = new ExtractionRecord { Title = d.Title.Length > 0 ? d.Title : "Title of " + d.Document.FileName, PublishedAt = "2024-03-01", Source = "Test Wire", Body = "Body text." };
            extraction.Entities.AddRange(d.Entities);
            response.Extraction = extraction;
        }

        return response;
    }

    private sealed class FakeDocument(Document document)
    {
        public Document Document { get; } = document;
        public int Polls;
        public string Title { get; set; } = "";
        public Entity[] Entities { get; set; } = [];
    }

    public static WatchEventsResponse Extracted(string cursor, string documentId, string title) => new()
    {
        Cursor = cursor,
        OccurredAt = Timestamp.FromDateTime(new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc)),
        Extracted = new DocumentExtracted { DocumentId = documentId, Tenant = "tenant-a", Extraction = new ExtractionRecord { Title = title } },
    };
}
