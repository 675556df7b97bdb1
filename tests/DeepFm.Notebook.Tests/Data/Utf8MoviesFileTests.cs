using System.Text;
using DeepFm.Notebook.Data;
using Microsoft.Data.Analysis;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// GroupLens' files are Latin-1; some mirrors re-encode them as UTF-8, which read as Latin-1 gives "CafÃ©". The
/// reader detects UTF-8 (valid, with multi-byte sequences, or a byte order mark) and decodes it as such.
/// </summary>
public class Utf8MoviesFileTests
{
    private static StringDataFrameColumn TitlesOf(string folder) =>
        MovieLens100k.FromFiles(MovieLensFiles.Read(folder)).Movies.Columns.GetStringColumn(MovieLensColumns.MovieTitle);

    [Fact]
    public void Utf8ReencodedItemFileReadsTheSameTitles()
    {
        using var fixture = new MovieLensFixture { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        string folder = fixture.WriteFolder();
        byte[] raw = File.ReadAllBytes(Path.Combine(folder, "u.item"));
        Assert.Contains((byte)0xC3, raw);   // "é" is two bytes, 0xC3 0xA9, in the re-encoded file

        StringDataFrameColumn titles = TitlesOf(folder);
        Assert.Equal("Metisse (Café au Lait) (1993)", titles[2]);
        Assert.Equal("Á köldum klaka (Cold Fever) (1994)", titles[4]);
        Assert.Equal(Encoding.UTF8.WebName, MovieLensFiles.Read(folder).Movies.Encoding.WebName);
    }

    [Fact]
    public void Utf8WithByteOrderMarkReadsTheSameTitlesAndIds()
    {
        using var fixture = new MovieLensFixture { Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true) };
        string folder = fixture.WriteFolder();
        byte[] raw = File.ReadAllBytes(Path.Combine(folder, "u.item"));
        // Encoding.GetBytes does not write the mark: add it as an editor would.
        File.WriteAllBytes(Path.Combine(folder, "u.item"), [0xEF, 0xBB, 0xBF, .. raw]);

        MovieLens100k data = MovieLens100k.FromFiles(MovieLensFiles.Read(folder));
        Assert.Equal("1", data.MovieTable.Ids[0]);   // the mark is not part of the first id
        Assert.Equal("Metisse (Café au Lait) (1993)", data.MovieTable.Titles[2]);
    }

    [Fact]
    public void OriginalLatin1FileIsStillReadAsLatin1()
    {
        using var fixture = new MovieLensFixture();
        string folder = fixture.WriteFolder();
        Assert.Equal(Encoding.Latin1.WebName, MovieLensFiles.Read(folder).Movies.Encoding.WebName);
        Assert.Equal("Metisse (Café au Lait) (1993)", TitlesOf(folder)[2]);
    }

    [Fact]
    public void EncodingIsDetectedFromTheBytes()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("3|Café\n");
        byte[] utf8 = Encoding.UTF8.GetBytes("3|Café\n");
        byte[] ascii = Encoding.ASCII.GetBytes("3|Cafe\n");
        Assert.Equal("Café", new MovieLensTextFile("u.item", latin1).Text[2..6]);
        Assert.Equal("Café", new MovieLensTextFile("u.item", utf8).Text[2..6]);
        Assert.Equal("Cafe", new MovieLensTextFile("u.item", ascii).Text[2..6]);
        Assert.Equal(Encoding.UTF8.WebName, new MovieLensTextFile("u.item", utf8).Encoding.WebName);
        Assert.Equal(Encoding.Latin1.WebName, new MovieLensTextFile("u.item", latin1).Encoding.WebName);
    }
}
