namespace Platform.Ingest.Documents;

/// <summary>
/// Opaque document ids: "doc_" + a version 7 GUID in Crockford base32 (26 characters). They sort by creation time,
/// which keeps the primary-key index append-mostly.
/// </summary>
public static class DocumentIds
{
    public const string Prefix = "doc_";

    // Crockford's base32 alphabet (no I, L, O, U), lower-cased.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string New(TimeProvider time) => Prefix + Base32(Guid.CreateVersion7(time.GetUtcNow()));

    /// <summary>The 128 bits, big-endian, as 26 base32 digits (the first digit carries the top 3 bits).</summary>
    internal static string Base32(Guid guid)
    {
        Span<byte> bytes = stackalloc byte[16];
        guid.TryWriteBytes(bytes, bigEndian: true, out _);
        var hi = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes);
        var lo = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        var value = ((UInt128)hi << 64) | lo;
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }
}
