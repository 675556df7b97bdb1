using System.IO.Compression;

namespace DeepFm.Notebook.Data;

/// <summary>
/// The three MovieLens-100k files the tutorial needs — <c>u.data</c> (ratings), <c>u.user</c> (users) and
/// <c>u.item</c> (movies) — read from a <c>ml-100k.zip</c> or from an extracted folder. A local copy is checked by its
/// contents, not by checksum: repacked archives differ byte for byte but hold the same files.
/// </summary>
public sealed class MovieLensFiles(string source, MovieLensTextFile ratings, MovieLensTextFile users, MovieLensTextFile movies)
{
    /// <summary>Line counts of the real MovieLens-100k files.</summary>
    public const int FullRatingCount = 100_000, FullUserCount = 943, FullMovieCount = 1_682;

    private static readonly string[] RequiredFiles = ["u.data", "u.user", "u.item"];

    /// <summary>Where the files were read from (zip or folder path).</summary>
    public string Source { get; } = source;

    /// <summary><c>u.data</c>: user id \t item id \t rating \t timestamp.</summary>
    public MovieLensTextFile Ratings { get; } = ratings;

    /// <summary><c>u.user</c>: id|age|gender|occupation|zip code.</summary>
    public MovieLensTextFile Users { get; } = users;

    /// <summary><c>u.item</c>: id|title|release date|video release date|IMDb URL|19 genre flags.</summary>
    public MovieLensTextFile Movies { get; } = movies;

    /// <summary>
    /// Reads the files from <paramref name="path"/>: a zip archive (files at its root or in one folder such as
    /// <c>ml-100k/</c>), a folder holding the files, or a folder holding an <c>ml-100k</c> sub-folder.
    /// </summary>
    public static MovieLensFiles Read(string path)
    {
        string fullPath = Path.GetFullPath(path);
        if (Directory.Exists(fullPath))
        {
            return ReadFolder(fullPath);
        }
        if (File.Exists(fullPath))
        {
            return ReadZip(fullPath);
        }
        throw new MovieLensDataException($"MovieLens data not found at '{fullPath}': no such file or folder. "
            + "Pass the path of ml-100k.zip or of its extracted ml-100k folder "
            + $"{MovieLensArchive.WhereNotebooksTakeThePath}.");
    }

    /// <summary>
    /// Throws unless the files have the line counts of the real data set (100,000 ratings, 943 users, 1,682
    /// movies), which catches truncated copies.
    /// </summary>
    public void RequireFullDataset()
    {
        foreach ((MovieLensTextFile file, int expected) in new[]
                 { (Ratings, FullRatingCount), (Users, FullUserCount), (Movies, FullMovieCount) })
        {
            int lines = file.CountLines();
            if (lines != expected)
            {
                throw new MovieLensDataException($"{file.Name} in '{Source}' has {lines:N0} lines but MovieLens-100k has "
                    + $"{expected:N0}: the copy is truncated or is another data set. Replace it with the original ml-100k.zip.");
            }
        }
    }

    private static MovieLensFiles ReadFolder(string folder)
    {
        string nested = Path.Combine(folder, "ml-100k");
        string root = !File.Exists(Path.Combine(folder, "u.data")) && Directory.Exists(nested) ? nested : folder;
        string[] missing = RequiredFiles.Where(name => !File.Exists(Path.Combine(root, name))).ToArray();
        if (missing.Length > 0)
        {
            throw new MovieLensDataException($"The folder '{root}' lacks {string.Join(", ", missing)}. "
                + "It must hold the extracted MovieLens-100k files u.data, u.user and u.item (as in ml-100k.zip).");
        }
        MovieLensTextFile Load(string name) => new(Path.Combine(root, name), File.ReadAllBytes(Path.Combine(root, name)));
        return new MovieLensFiles(root, Load("u.data"), Load("u.user"), Load("u.item"));
    }

    private static MovieLensFiles ReadZip(string zipPath)
    {
        try
        {
            using ZipArchive archive = ZipFile.OpenRead(zipPath);
            // Entries are found by file name so that both "ml-100k/u.data" and a flat "u.data" layout work.
            ZipArchiveEntry? Find(string name) => archive.Entries
                .Where(entry => entry.Name == name && entry.FullName.Count(c => c == '/') <= 1)
                .OrderBy(entry => entry.FullName.Length)
                .FirstOrDefault();
            string[] missing = RequiredFiles.Where(name => Find(name) is null).ToArray();
            if (missing.Length > 0)
            {
                throw new MovieLensDataException($"The archive '{zipPath}' lacks {string.Join(", ", missing)}. "
                    + "It is not ml-100k.zip; download the original from https://files.grouplens.org/datasets/movielens/ml-100k.zip.");
            }
            MovieLensTextFile Load(string name)
            {
                ZipArchiveEntry entry = Find(name)!;
                using Stream stream = entry.Open();
                using var buffer = new MemoryStream((int)entry.Length);
                stream.CopyTo(buffer);
                return new MovieLensTextFile($"{entry.FullName} in {zipPath}", buffer.ToArray());
            }
            return new MovieLensFiles(zipPath, Load("u.data"), Load("u.user"), Load("u.item"));
        }
        catch (InvalidDataException error)
        {
            throw new MovieLensDataException($"The archive '{zipPath}' is corrupt or truncated ({error.Message}). "
                + "Delete it and download ml-100k.zip again.", error);
        }
    }
}
