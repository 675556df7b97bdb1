using System.Net;
using System.Security.Cryptography;
using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>Download and cache behaviour against a fake HTTP handler (no network here).</summary>
public class MovieLensDownloadTests
{
    private sealed class FakeServer(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        public int Requests { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            Requests++;
            return Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body) });
        }
    }

    private sealed class ListProgress : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];

        public void Report(DownloadProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task VerifiedBytesLandInTheDestination()
    {
        using var fixture = new MovieLensFixture();
        byte[] zip = File.ReadAllBytes(fixture.WriteZip());
        using var http = new HttpClient(new FakeServer(HttpStatusCode.OK, zip));
        var downloader = new MovieLensDownloader(http, null, zip.Length, Convert.ToHexString(SHA256.HashData(zip)));
        string destination = Path.Combine(fixture.Root, "cache", "ml-100k.zip");
        var progress = new ListProgress();

        string saved = await downloader.DownloadAsync(destination, progress, TestContext.Current.CancellationToken);

        Assert.Equal(destination, saved);
        Assert.Equal(zip, File.ReadAllBytes(destination));
        Assert.Equal([destination], Directory.GetFiles(Path.GetDirectoryName(destination)!));
        Assert.Equal(new DownloadProgress(zip.Length, zip.Length), progress.Reports[^1]);
        Assert.Equal(10, MovieLens100k.FromFiles(MovieLensFiles.Read(destination)).Ratings.Rows.Count);
    }

    [Fact]
    public async Task ChecksumMismatchLeavesNoFile()
    {
        using var fixture = new MovieLensFixture();
        byte[] zip = File.ReadAllBytes(fixture.WriteZip());
        using var http = new HttpClient(new FakeServer(HttpStatusCode.OK, zip));
        string cache = Path.Combine(fixture.Root, "cache");
        var downloader = new MovieLensDownloader(http); // expects the official size and SHA-256

        var error = await Assert.ThrowsAsync<MovieLensDataException>(() =>
            downloader.DownloadAsync(Path.Combine(cache, "ml-100k.zip"), cancellation: TestContext.Current.CancellationToken));

        Assert.Contains(MovieLensDownloader.OfficialSha256, error.Message);
        Assert.Contains("Nothing was saved", error.Message);
        Assert.Empty(Directory.GetFiles(cache));
    }

    [Fact]
    public void HttpErrorIsExplainedAndLeavesNoFile()
    {
        using var fixture = new MovieLensFixture();
        using var http = new HttpClient(new FakeServer(HttpStatusCode.NotFound, []));
        string cache = Path.Combine(fixture.Root, "cache");

        var error = Assert.Throws<MovieLensDataException>(() => MovieLensArchive.Open(null, null, cache, http));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("pass its path", error.Message);
        Assert.Empty(Directory.GetFiles(cache));
    }

    [Fact]
    public void LookupOrderIsExplicitPathThenCache()
    {
        using var fixture = new MovieLensFixture();
        string cache = Path.Combine(fixture.Root, "cache");
        var server = new FakeServer(HttpStatusCode.InternalServerError, []);
        using var http = new HttpClient(server);
        Directory.CreateDirectory(cache);
        fixture.WriteZip(Path.Combine("cache", MovieLensArchive.ZipFileName));
        var log = new StringWriter();

        Assert.Equal(Path.Combine(cache, MovieLensArchive.ZipFileName), MovieLensArchive.Open(null, log, cache, http).Source);
        Assert.Contains("reading", log.ToString());
        string explicitFolder = fixture.WriteFolder("explicit");
        Assert.Equal(explicitFolder, MovieLensArchive.Open(explicitFolder, null, cache, http).Source);
        Assert.Equal(0, server.Requests);
    }
}
