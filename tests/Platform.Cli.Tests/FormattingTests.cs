using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Cli.Commands;
using Platform.Contracts.Documents.V1;
using ExtractionRecord = Platform.Contracts.Documents.V1.Extraction;
using Platform.Contracts.Events.V1;
using Platform.Contracts.Query.V1;
using Spectre.Console.Rendering;

namespace Platform.Cli.Tests;

public sealed class FormattingTests
{
    private static readonly Timestamp Noon = Timestamp.FromDateTime(new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void EventLine_ForEachKind_StartsWithTheCursorAndIsTabSeparated()
    {
        var submitted = new WatchEventsResponse { Cursor = "41", OccurredAt = Noon, Submitted = new DocumentSubmitted { DocumentId = "d1", FileName = "a.txt" } };
        var extracted = new WatchEventsResponse { Cursor = "42", OccurredAt = Noon, Extracted = new DocumentExtracted { DocumentId = "d1", Extraction = new ExtractionRecord { Title = "Talks\nresume" } } };
        var failed = new WatchEventsResponse { Cursor = "43", OccurredAt = Noon, Failed = new ExtractionFailed { DocumentId = "d2", Reason = "unsupported media type image/png" } };

        Assert.Equal("41\t2024-03-01T12:00:00Z\tsubmitted\td1\ta.txt", Formatting.EventLine(submitted));
        Assert.Equal("42\t2024-03-01T12:00:00Z\textracted\td1\tTalks resume", Formatting.EventLine(extracted));
        Assert.Equal("43\t2024-03-01T12:00:00Z\tfailed\td2\tunsupported media type image/png", Formatting.EventLine(failed));
    }

    [Fact]
    public void SnippetMarkup_BoldsMatchesAndEscapesEverythingElse()
    {
        Assert.Equal("the [bold yellow]talks[/] in [[Geneva]] …", Formatting.SnippetMarkup("the **talks** in [Geneva] …"));
        Assert.Equal("the talks in [Geneva]", Formatting.SnippetText("the **talks**\nin [Geneva]"));
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(3 * 1024 * 1024, "3 MiB")]
    public void Size_IsHumanReadableAndCultureInvariant(long bytes, string expected) => Assert.Equal(expected, Formatting.Size(bytes));

    [Theory]
    [InlineData(1.25, "1.250")]
    [InlineData(0, "0.000")]
    [InlineData(0.0000023, "2.3E-6")]
    public void Score_HasThreeDecimals_AndTinyScoresStayVisible(double score, string expected) => Assert.Equal(expected, Formatting.Score(score));

    [Fact]
    public void RpcError_PrintsStatusCodeAndMessage_WithAHintForMissingServersAndKeys()
    {
        Assert.Equal("error: NotFound: Document 'x' not found", Formatting.RpcError(new RpcException(new Status(StatusCode.NotFound, "Document 'x' not found"))));
        Assert.Contains("--api-key", Formatting.RpcError(new RpcException(new Status(StatusCode.Unauthenticated, "Unknown API key"))), StringComparison.Ordinal);
        var unavailable = Formatting.RpcError(new RpcException(new Status(StatusCode.Unavailable, "Error connecting to subchannel.", new HttpRequestException("Connection refused (localhost:5000)"))));
        Assert.StartsWith("error: Unavailable: Error connecting to subchannel. (Connection refused (localhost:5000))", unavailable, StringComparison.Ordinal);
        Assert.Contains("--server", unavailable, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsProto3JsonWithCamelCaseNamesThatParsesBack()
    {
        var response = new GetDocumentResponse
        {
            Document = new Document { Id = "d1", State = DocumentState.Extracted, SubmittedAt = Noon },
            Extraction = new ExtractionRecord { Title = "T", PublishedAt = "2024-03-01", Entities = { new Entity { Name = "Jean-Luc Moreau", Type = EntityType.Person, MentionCount = 2 } } },
        };

        var json = Formatting.ToJson(response);

        Assert.Contains("\"publishedAt\": \"2024-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"state\": \"DOCUMENT_STATE_EXTRACTED\"", json, StringComparison.Ordinal);
        Assert.Contains("\"mentionCount\": 2", json, StringComparison.Ordinal);
        Assert.Equal(response, JsonParser.Default.Parse<GetDocumentResponse>(json));
    }

    [Fact]
    public void GetRender_ShowsStateTitleEntitiesQuotesAndBody()
    {
        var response = new GetDocumentResponse
        {
            Document = new Document { Id = "d1", State = DocumentState.Extracted, FileName = "talks.txt", SizeBytes = 2048 },
            Extraction = new ExtractionRecord
            {
                Title = "Talks resume in [Geneva]",
                Source = "Test Wire",
                Body = "First paragraph.",
                Entities = { new Entity { Name = "Anna Berg", Type = EntityType.Person, MentionCount = 3, Roles = { "spokesperson" } } },
                Quotes = { new Quote { Text = "We are ready", Speaker = "Anna Berg" } },
            },
        };

        var text = Render(GetCommand.Render(response));

        Assert.Contains("extracted", text, StringComparison.Ordinal);
        Assert.Contains("Talks resume in [Geneva]", text, StringComparison.Ordinal);
        Assert.Contains("2 KiB", text, StringComparison.Ordinal);
        Assert.Contains("Anna Berg", text, StringComparison.Ordinal);
        Assert.Contains("person", text, StringComparison.Ordinal);
        Assert.Contains("We are ready", text, StringComparison.Ordinal);
        Assert.Contains("First paragraph.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetRender_ForAFailedDocument_ShowsTheReasonAndNoExtraction()
    {
        var response = new GetDocumentResponse { Document = new Document { Id = "d2", State = DocumentState.Failed, FailureReason = "undecodable bytes" } };

        var text = Render(GetCommand.Render(response));

        Assert.Contains("failed", text, StringComparison.Ordinal);
        Assert.Contains("undecodable bytes", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Entities", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HitsTable_ShowsRankScoreTitleIdAndSnippet()
    {
        var hit = new SearchHit
        {
            Score = 1.25,
            Snippet = "the **talks** resumed",
            Document = new DocumentSummary { Title = "Talks resume", Document = new Document { Id = "d1" } },
        };

        var text = Render(SearchCommand.HitsTable([hit]));

        Assert.Contains("1.250", text, StringComparison.Ordinal);
        Assert.Contains("Talks resume", text, StringComparison.Ordinal);
        Assert.Contains("d1", text, StringComparison.Ordinal);
        Assert.Contains("the talks resumed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SubmitLine_MarksDuplicates()
    {
        var file = new InputFile("news/a.txt", "/x/news/a.txt");

        Assert.Equal("d1\tnews/a.txt", SubmitCommand.SubmitLine(new SubmitResult(file, "d1", false, null)));
        Assert.Equal("d1\tnews/a.txt\tduplicate", SubmitCommand.SubmitLine(new SubmitResult(file, "d1", true, null)));
    }

    internal static string Render(IRenderable renderable)
    {
        var writer = new StringWriter();
        CommandRunner.CreateConsole(writer).Write(renderable);
        return writer.ToString();
    }
}
