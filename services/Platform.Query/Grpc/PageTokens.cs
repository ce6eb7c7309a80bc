using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Platform.Query.Grpc;

/// <summary>
/// Opaque tokens: base64url of a versioned text ("l1:&lt;key&gt;", "s1:&lt;offset&gt;:&lt;query fingerprint&gt;").
/// Clients must not build them; the version prefix lets the format change later.
/// </summary>
internal static class PageTokens
{
    public static string ForList(long afterKey) => Encode("l1:" + afterKey.ToString(CultureInfo.InvariantCulture));

    public static bool TryParseList(string token, out long afterKey)
    {
        afterKey = 0;
        return Decode(token) is { } text && text.StartsWith("l1:", StringComparison.Ordinal)
               && long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out afterKey) && afterKey > 0;
    }

    public static string ForSearch(int offset, string fingerprint) => Encode($"s1:{offset.ToString(CultureInfo.InvariantCulture)}:{fingerprint}");

    public static bool TryParseSearch(string token, string fingerprint, out int offset)
    {
        offset = 0;
        if (Decode(token) is not { } text || !text.StartsWith("s1:", StringComparison.Ordinal))
            return false;
        var parts = text[3..].Split(':');
        return parts.Length == 2 && parts[1] == fingerprint
               && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out offset) && offset > 0;
    }

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    private static string? Decode(string token)
    {
        if (token.Length is 0 or > 200)
            return null;
        try
        {
            return Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>WatchEvents cursor: the event-log sequence number, as decimal text.</summary>
internal static class EventCursor
{
    public static string Format(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);

    public static bool TryParse(string cursor, out long sequence) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out sequence) && sequence >= 0;
}
