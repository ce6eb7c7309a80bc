using Platform.Query.Grpc;

namespace Platform.Query.Tests.Unit;

public sealed class TokenTests
{
    [Fact]
    public void ListToken_RoundTrips()
    {
        Assert.True(PageTokens.TryParseList(PageTokens.ForList(12345), out var key));
        Assert.Equal(12345, key);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("not base64 !!")]
    [InlineData("bDE6LTE")] // "l1:-1"
    [InlineData("czE6MTA6YWJj")] // a search token
    public void ListToken_Garbage_IsRejected(string token)
    {
        Assert.False(PageTokens.TryParseList(token, out _));
    }

    [Fact]
    public void SearchToken_IsBoundToItsQuery()
    {
        var token = PageTokens.ForSearch(50, "abc123");

        Assert.True(PageTokens.TryParseSearch(token, "abc123", out var offset));
        Assert.Equal(50, offset);
        Assert.False(PageTokens.TryParseSearch(token, "other1", out _));
        Assert.False(PageTokens.TryParseSearch(PageTokens.ForList(50), "abc123", out _));
    }

    [Theory]
    [InlineData("0", 0L)]
    [InlineData("42", 42L)]
    public void Cursor_ParsesWhatItFormats(string text, long expected)
    {
        Assert.True(EventCursor.TryParse(text, out var sequence));
        Assert.Equal(expected, sequence);
        Assert.Equal(text, EventCursor.Format(sequence));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData(" 7")]
    [InlineData("99999999999999999999999")]
    public void Cursor_Invalid_IsRejected(string text)
    {
        Assert.False(EventCursor.TryParse(text, out _));
    }
}
