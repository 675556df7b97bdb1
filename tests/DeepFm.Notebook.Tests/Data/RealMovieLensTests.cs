using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

/// <summary>The real MovieLens-100k (shared/data/ml-100k.zip): counts and sizes the original tutorial reports.</summary>
public class RealMovieLensTests(ITestOutputHelper output)
{
    [Fact]
    public void RealDataHasTheOriginalsCountsAndSplit()
    {
        MovieLens100k data = MovieLens100k.Load(RealMovieLensData.ZipPath());
        Assert.Equal(100_000, data.Ratings.Rows.Count);
        Assert.Equal(943, data.Users.Rows.Count);
        Assert.Equal(1_682, data.Movies.Rows.Count);
        Assert.Equal(55_375, data.Ratings.Columns.GetSingleColumn(MovieLensColumns.Label).Sum(value => value!.Value));

        MovieLensFeatures features = MovieLensFeatures.Build(data);
        Assert.Equal([943, 2, 7, 17, 1_682], features.Schema.CategoricalFields.Select(field => field.Cardinality));
        Assert.Equal(10_000, features.Schema.TitleVocabularySize);
        Assert.InRange(features.Titles.Vocabulary.Count, 2_000, 10_000);
        output.WriteLine($"title vocabulary {features.Titles.Vocabulary.Count} tokens, title length {features.Schema.TitleLength}, "
            + $"top tokens {string.Join(" ", features.Titles.Vocabulary.Skip(2).Take(8))}");

        TrainTestSplit split = features.Split();
        Assert.Equal(80_000, split.Train.Count);
        Assert.Equal(20_000, split.Test.Count);
        Assert.Equal(40, split.Train.Batches(2048).Count(batch => { batch.Dispose(); return true; }));
    }
}
