using System.IO.Compression;
using System.Text;
using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>
/// Writes small MovieLens-100k-format data sets (4 users, 5 movies, 10 ratings) into a temporary folder, as an
/// extracted folder or a zip. Tests edit the line lists to make bad inputs. Files are written as Latin-1, like the
/// real <c>u.item</c>, so "Café" holds the byte 0xE9 (or as UTF-8 when <see cref="Encoding"/> says so, as some
/// mirrors re-encode them). The movies carry their real genres and release dates.
/// </summary>
internal sealed class MovieLensFixture : IDisposable
{
    public MovieLensFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "deepfm-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>The temporary folder, deleted on dispose.</summary>
    public string Root { get; }

    public List<string> UserLines { get; } =
    [
        "1|24|M|technician|85711",
        "2|53|F|other|94043",
        "3|17|M|student|32067",
        "10|56|F|healthcare|43537",
    ];

    public List<string> MovieLines { get; } =
    [
        Movie(1, "Toy Story (1995)", "01-Jan-1995", "Animation", "Children's", "Comedy"),
        Movie(2, "Schindler's List (1993)", "01-Jan-1993", "Drama", "War"),
        Movie(3, "Metisse (Café au Lait) (1993)", "01-Jan-1993", "Comedy"),
        Movie(4, "Star Wars (1977)", "01-Jan-1977", "Action", "Adventure", "Romance", "Sci-Fi", "War"),
        Movie(20, "Á köldum klaka (Cold Fever) (1994)", "08-Mar-1996", "Comedy", "Drama"),
    ];

    public List<string> RatingLines { get; } =
    [
        "1\t1\t5\t874965758",
        "1\t2\t3\t876893171",
        "2\t1\t4\t878542960",
        "2\t3\t1\t876893119",
        "3\t4\t5\t889751712",
        "3\t20\t2\t887431973",
        "10\t1\t3\t875071561",
        "10\t2\t4\t875072484",
        "10\t4\t5\t878543541",
        "2\t4\t4\t888551129",
    ];

    /// <summary>A full u.item line: id|title|release date|video release date|URL|19 genre flags (1 for the genres named).</summary>
    public static string Movie(int id, string title, string releaseDate = "01-Jan-1995", params string[] genres) =>
        $"{id}|{title}|{releaseDate}||http://us.imdb.com/M/title-exact?{id}|"
        + string.Join('|', MovieLensGenres.Names.Select(genre => genres.Contains(genre) ? "1" : "0"));

    /// <summary>Writes u.data, u.user, u.item (and the README, as in the real folder) into Root/name.</summary>
    public string WriteFolder(string name = "ml-100k")
    {
        string folder = Path.Combine(Root, name);
        Directory.CreateDirectory(folder);
        foreach ((string file, byte[] bytes) in Files())
        {
            File.WriteAllBytes(Path.Combine(folder, file), bytes);
        }
        return folder;
    }

    /// <summary>Writes a zip holding the files under <paramref name="entryFolder"/> ("ml-100k/" like GroupLens, or "").</summary>
    public string WriteZip(string name = "ml-100k.zip", string entryFolder = "ml-100k/", params string[] omit)
    {
        string zipPath = Path.Combine(Root, name);
        using (ZipArchive archive = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            foreach ((string file, byte[] bytes) in Files().Where(pair => !omit.Contains(pair.File)))
            {
                using Stream entry = archive.CreateEntry(entryFolder + file).Open();
                entry.Write(bytes);
            }
        }
        return zipPath;
    }

    /// <summary>How the files are written: Latin-1 like GroupLens' files, or UTF-8 like a re-encoding mirror.</summary>
    public Encoding Encoding { get; set; } = Encoding.Latin1;

    private IEnumerable<(string File, byte[] Bytes)> Files()
    {
        byte[] Encode(IEnumerable<string> lines) => Encoding.GetBytes(string.Concat(lines.Select(line => line + "\n")));
        yield return ("u.data", Encode(RatingLines));
        yield return ("u.user", Encode(UserLines));
        yield return ("u.item", Encode(MovieLines));
        yield return ("README", Encode(["fixture written by MovieLensFixture"]));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test over cleanup.
        }
    }
}
