using System.Text;
using Grpc.Core;
using Platform.Ingest.Documents;

namespace Platform.Ingest.Tests.Unit;

public sealed class SubmissionRulesTests
{
    private static SubmissionMetadata Meta(string mediaType = "", string fileName = "", string externalId = "", string key = "") =>
        new(mediaType, fileName, externalId, key);

    [Fact]
    public void CheckSize_Empty_IsInvalidArgument()
    {
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => DocumentIngestor.CheckSize(0, 10)).StatusCode);
    }

    [Fact]
    public void CheckSize_OverTheLimit_IsResourceExhausted()
    {
        Assert.Equal(StatusCode.ResourceExhausted, Assert.Throws<RpcException>(() => DocumentIngestor.CheckSize(11, 10)).StatusCode);
    }

    [Fact]
    public void CheckSize_AtTheLimit_Passes()
    {
        DocumentIngestor.CheckSize(10, 10);
        DocumentIngestor.CheckSize(1, 10);
    }

    [Fact]
    public void ValidateMetadata_AllEmpty_Passes()
    {
        DocumentIngestor.ValidateMetadata(Meta());
    }

    [Theory]
    [InlineData("text/html", "story.html", "cms-1", "key-1")]
    [InlineData("application/pdf", "Annual report (final).pdf", "", "")]
    [InlineData("", "é—ü.txt", "", "")]
    public void ValidateMetadata_Reasonable_Passes(string mediaType, string fileName, string externalId, string key)
    {
        DocumentIngestor.ValidateMetadata(Meta(mediaType, fileName, externalId, key));
    }

    public static TheoryData<SubmissionMetadata> Invalid() => new()
    {
        Meta(mediaType: "html"),
        Meta(fileName: new string('a', DocumentIngestor.MaxFileNameLength + 1)),
        Meta(externalId: new string('a', DocumentIngestor.MaxExternalIdLength + 1)),
        Meta(key: new string('a', DocumentIngestor.MaxIdempotencyKeyLength + 1)),
        Meta(fileName: "line\nbreak.txt"),
        Meta(externalId: "nul\0"),
        Meta(key: "tab\tkey"),
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ValidateMetadata_Invalid_IsInvalidArgument(SubmissionMetadata metadata)
    {
        Assert.Equal(StatusCode.InvalidArgument, Assert.Throws<RpcException>(() => DocumentIngestor.ValidateMetadata(metadata)).StatusCode);
    }

    [Fact]
    public void Hash_IsLowerCaseHexSha256()
    {
        // The SHA-256 of "abc" from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", DocumentIngestor.Hash(Encoding.ASCII.GetBytes("abc")));
    }

    [Fact]
    public void Hash_OfNothing_IsTheEmptyDigest()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", DocumentIngestor.Hash([]));
    }

    [Fact]
    public void NewId_HasPrefixAndTwentySixBase32Digits()
    {
        var id = DocumentIds.New(TimeProvider.System);

        Assert.Matches("^doc_[0-9a-hjkmnp-tv-z]{26}$", id);
    }

    [Fact]
    public void NewId_IsUniqueAndSortsByCreationTime()
    {
        var early = new FixedTime(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var late = new FixedTime(DateTimeOffset.Parse("2026-01-01T00:00:01Z", System.Globalization.CultureInfo.InvariantCulture));

        var ids = Enumerable.Range(0, 1000).Select(_ => DocumentIds.New(early)).ToHashSet();
        var later = DocumentIds.New(late);

        Assert.Equal(1000, ids.Count);
        Assert.All(ids, id => Assert.True(string.CompareOrdinal(id, later) < 0));
    }

    [Fact]
    public void Base32_OfAllOnes_IsSevenThenZs()
    {
        // 128 bits in 26 digits: the first digit holds the top 3 bits.
        Assert.Equal("7" + new string('z', 25), DocumentIds.Base32(new Guid(Enumerable.Repeat((byte)0xFF, 16).ToArray())));
        Assert.Equal(new string('0', 26), DocumentIds.Base32(Guid.Empty));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
