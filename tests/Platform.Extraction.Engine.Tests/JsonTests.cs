using System.Text.Json;

namespace Platform.Extraction.Engine.Tests;

/// <summary>The evaluation kit's prediction format (shared/eval/FORMAT.md).</summary>
public class JsonTests
{
    [Fact]
    public void Format_WritesProto3JsonNamesAndAllFields()
    {
        var json = ExtractionJson.Format(Samples.Extract("web-wind-farm.txt"));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Equal("Offshore wind farm off Scotland clears final planning hurdle", root.GetProperty("title").GetString());
        Assert.Equal("2022-10-04", root.GetProperty("publishedAt").GetString());
        Assert.Equal("Reuters", root.GetProperty("source").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.StartsWith("EDINBURGH", root.GetProperty("body").GetString());
        foreach (var name in new[] { "entities", "quotes", "dates", "keyphrases", "summary", "removed", "paragraphs", "sentences" })
            Assert.Equal(JsonValueKind.Array, root.GetProperty(name).ValueKind);
        Assert.Equal("2022-10-07", root.GetProperty("dates").EnumerateArray().Last().GetProperty("value").GetString());
        Assert.Equal(EngineInfo.Version, root.GetProperty("engineVersion").GetString());
    }

    [Fact]
    public void Format_DocumentWithoutHeadline_WritesEmptyTitle()
    {
        using var doc = JsonDocument.Parse(ExtractionJson.Format(Samples.Extract("no-headline-drought.txt")));
        Assert.Equal("", doc.RootElement.GetProperty("title").GetString());
        Assert.Equal("", doc.RootElement.GetProperty("publishedAt").GetString());
    }
}
