using System.IO.Compression;
using System.Security.Cryptography;
using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// The download accepts only GroupLens' ml-100k.zip, by <see cref="MovieLensDownloader.OfficialSize"/> and
/// <see cref="MovieLensDownloader.OfficialSha256"/>. Those constants are checked here against values published
/// independently of this repository:
/// <list type="bullet">
/// <item>GroupLens publishes an MD5 beside the archive (<c>files.grouplens.org/datasets/movielens/ml-100k.zip.md5</c>):
/// <c>0e33842e24a9c977be4e0107933c0723</c>;</item>
/// <item>Dive into Deep Learning registers the archive in its data hub by SHA-1:
/// <c>cd4dcac4241c8a4ad7badc7ca635da8a69dddb83</c>;</item>
/// <item>projects that pin the archive by SHA-256 give 4,924,029 bytes and <c>50d2a982…6a3229</c>, and for its members
/// <c>u.data</c> (1,979,173 bytes) SHA-256 <c>06416e59…dca490</c>, <c>u.item</c> SHA-256 <c>553841eb…2c5701</c>.</item>
/// </list>
/// When the local archive is the official file (its size says so), hashing it binds our SHA-256 to GroupLens' MD5 and
/// d2l's SHA-1: one file with all three. A re-packed copy (same members, other zip bytes) cannot check the archive
/// constants; its members must still be the published ones.
/// </summary>
public class OfficialArchiveIdentityTests(ITestOutputHelper output)
{
    private const long PublishedSize = 4_924_029;
    private const string PublishedSha256 = "50d2a982c66986937beb9ffb3aa76efe955bf3d5c6b761f4e3a7cd717c6a3229";
    private const string GroupLensMd5 = "0e33842e24a9c977be4e0107933c0723";
    private const string D2lSha1 = "cd4dcac4241c8a4ad7badc7ca635da8a69dddb83";
    private const string RatingsSha256 = "06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490";
    private const string MoviesSha256 = "553841ebc7de3a0fd0d6b62a204ea30c1e651aacfb2814c7a6584ac52f2c5701";

    [Fact]
    public void TheDownloadersConstantsAreThePublishedOnes()
    {
        Assert.Equal(PublishedSize, MovieLensDownloader.OfficialSize);
        Assert.Equal(PublishedSha256, MovieLensDownloader.OfficialSha256);
        Assert.Equal("https://files.grouplens.org/datasets/movielens/ml-100k.zip", MovieLensDownloader.OfficialUrl);
    }

    [Fact]
    public void TheLocalArchiveIsOfficialOrHoldsTheOfficialMembers()
    {
        string path = RealMovieLensData.ZipPath();
        byte[] archive = File.ReadAllBytes(path);
        if (archive.Length == PublishedSize)
        {
            // The official bytes: all three published hashes, and therefore our SHA-256 constant, describe this file.
            Assert.Equal(GroupLensMd5, Hex(MD5.HashData(archive)));
            Assert.Equal(D2lSha1, Hex(SHA1.HashData(archive)));
            Assert.Equal(MovieLensDownloader.OfficialSha256, Hex(SHA256.HashData(archive)));
        }
        else
        {
            output.WriteLine($"{path} is {archive.Length:N0} bytes, not the official {PublishedSize:N0}: a re-packed copy, "
                + "so only its members are checked.");
        }
        using var zip = new ZipArchive(new MemoryStream(archive));
        Assert.Equal(RatingsSha256, MemberSha256(zip, "ml-100k/u.data"));
        Assert.Equal(MoviesSha256, MemberSha256(zip, "ml-100k/u.item"));
    }

    private static string MemberSha256(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new InvalidDataException($"{name} is missing from the archive.");
        using Stream stream = entry.Open();
        return Hex(SHA256.HashData(stream));
    }

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
