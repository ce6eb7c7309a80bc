using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Extraction.V1;
using Platform.Extraction.Engine;
using Platform.ServiceDefaults;
using Platform.Testing;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;

namespace Platform.Extraction.Tests;

/// <summary>The Extract RPC on the Extraction module as Program.cs wires it, over real HTTP/2 on loopback.</summary>
public sealed class ExtractRpcTests
{
    private const string Key = "key-tenant-a";

    internal static Task<ServiceApp> StartAsync(IExtractor? extractor = null, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [$"Auth:ApiKeys:{Key}"] = "tenant-a",
            ["Services:Ingest"] = "http://127.0.0.1:9",
            ["Services:ApiKey"] = "unused-service-key",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>())
            settings[k] = v;
        return ServiceApp.StartAsync(
            b =>
            {
                if (extractor is not null)
                    b.Services.AddSingleton(extractor);
                b.AddServiceDefaults();
                b.AddExtraction();
                b.AddPlatformBus();
            },
            a =>
            {
                a.MapDefaultEndpoints();
                a.MapExtraction();
            },
            settings,
            typeof(ExtractionModule).Assembly.GetName().Name);
    }

    private static ExtractionService.ExtractionServiceClient Client(ServiceApp app) => app.Client<ExtractionService.ExtractionServiceClient>();

    [Fact]
    public async Task Extract_Text_ReturnsTheEnginesRecord_WithVersion()
    {
        var extractor = new FakeExtractor();
        await using var app = await StartAsync(extractor);

        var response = await Client(app).ExtractAsync(new ExtractRequest { Text = "Storm closes harbour\n\nBoats stayed in." }, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Storm closes harbour", response.Extraction.Title);
        Assert.Equal(FakeExtractor.FakeVersion, response.Extraction.EngineVersion);
        var input = Assert.Single(extractor.Inputs);
        Assert.StartsWith("text/plain", input.MediaType);
    }

    [Fact]
    public async Task Extract_Bytes_PassesMediaTypeAndFileName()
    {
        var extractor = new FakeExtractor();
        await using var app = await StartAsync(extractor);
        var html = Encoding.UTF8.GetBytes("<html><title>T</title><body><p>x</p></body></html>");

        await Client(app).ExtractAsync(
            new ExtractRequest { Content = ByteString.CopyFrom(html), MediaType = "text/html", FileName = "page.html" },
            ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken);

        var input = Assert.Single(extractor.Inputs);
        Assert.Equal(html, input.Content);
        Assert.Equal("text/html", input.MediaType);
        Assert.Equal("page.html", input.FileName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text")]
    [InlineData("content")]
    public async Task Extract_WhenPayloadIsMissingOrEmpty_ReturnsInvalidArgument(string? kind)
    {
        var extractor = new FakeExtractor();
        await using var app = await StartAsync(extractor);
        var request = kind switch
        {
            "text" => new ExtractRequest { Text = "   " },
            "content" => new ExtractRequest { Content = ByteString.Empty },
            _ => new ExtractRequest(),
        };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(app).ExtractAsync(request, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Empty(extractor.Inputs);
    }

    [Fact]
    public async Task Extract_WithoutApiKey_ReturnsUnauthenticated()
    {
        await using var app = await StartAsync(new FakeExtractor());

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(app).ExtractAsync(new ExtractRequest { Text = "x" }, cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Theory]
    [InlineData(ExtractionErrorCode.Undecodable, StatusCode.InvalidArgument)]
    [InlineData(ExtractionErrorCode.Empty, StatusCode.InvalidArgument)]
    [InlineData(ExtractionErrorCode.UnsupportedMediaType, StatusCode.FailedPrecondition)]
    [InlineData(ExtractionErrorCode.TooLarge, StatusCode.ResourceExhausted)]
    public async Task Extract_WhenEngineRejectsInput_ReturnsTypedStatusWithReason(ExtractionErrorCode code, StatusCode expected)
    {
        await using var app = await StartAsync(new FakeExtractor((_, _, _) => throw new ExtractionException(code, "cannot read this input")));

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(app).ExtractAsync(
            new ExtractRequest { Content = ByteString.CopyFrom(1, 2, 3), MediaType = "image/png" }, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(expected, ex.StatusCode);
        Assert.Contains("cannot read this input", ex.Status.Detail);
        Assert.Contains(Consumers.ErrorCodes.Of(code), ex.Status.Detail);
    }

    [Fact]
    public async Task Extract_WhenEngineRunsPastTheLimit_ReturnsDeadlineExceeded()
    {
        using var release = new ManualResetEventSlim();
        await using var app = await StartAsync(
            new FakeExtractor((_, _, _) =>
            {
                release.Wait(TimeSpan.FromSeconds(30));
                return new ExtractionRecord();
            }),
            new Dictionary<string, string?> { ["Extraction:EngineTimeout"] = "00:00:00.200" });

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(app).ExtractAsync(new ExtractRequest { Text = "slow" }, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);
        release.Set();

        Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
    }

    [Fact]
    public async Task Extract_WithTheRealEngine_FillsTitleBodyAndVersion()
    {
        await using var app = await StartAsync();
        const string text = "Council approves new cycle lanes\n\nThe city council voted on Wednesday to build four new cycle lanes.\n\nWork starts in the spring.";

        var response = await Client(app).ExtractAsync(new ExtractRequest { Text = text }, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Council approves new cycle lanes", response.Extraction.Title);
        Assert.Contains("four new cycle lanes", response.Extraction.Body);
        Assert.Equal(EngineInfo.Version, response.Extraction.EngineVersion);
    }

    [Fact]
    public async Task Extract_WithTheRealEngine_Image_ReturnsFailedPreconditionWithReason()
    {
        await using var app = await StartAsync();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        var ex = await Assert.ThrowsAsync<RpcException>(() => Client(app).ExtractAsync(
            new ExtractRequest { Content = ByteString.CopyFrom(png), MediaType = "image/png", FileName = "photo.png" }, ServiceApp.As(Key), cancellationToken: TestContext.Current.CancellationToken).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("unsupported_media_type", ex.Status.Detail);
    }

    [Fact]
    public async Task Start_WithoutIngestAddress_FailsWithTheConfigurationKey()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new FakeExtractor(), new Dictionary<string, string?> { ["Services:Ingest"] = "" }));

        Assert.Contains("Services:Ingest", ex.Message);
    }
}
