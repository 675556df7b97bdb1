using DeepFm.Notebook.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepFm.Notebook.Tests.Data;

public class SplitAndBatchTests
{
    private static MovieLensFeatures FixtureFeatures()
    {
        using var fixture = new MovieLensFixture();
        return MovieLensFeatures.Build(MovieLens100k.FromFiles(MovieLensFiles.Read(fixture.WriteFolder())));
    }

    [Fact]
    public void PermutationIsDeterministicAndComplete()
    {
        int[] first = SeededShuffle.Permutation(1000, 42);
        Assert.Equal(first, SeededShuffle.Permutation(1000, 42));
        Assert.NotEqual(first, SeededShuffle.Permutation(1000, 43));
        Assert.NotEqual(Enumerable.Range(0, 1000), first);
        Assert.Equal(Enumerable.Range(0, 1000), first.Order());
    }

    [Fact]
    public void SplitIsDisjointSizedAndRepeatable()
    {
        MovieLensFeatures features = FixtureFeatures();
        TrainTestSplit split = features.Split(trainCount: 8, testCount: 2);
        Assert.Equal(8, split.Train.Count);
        Assert.Equal(2, split.Test.Count);
        Assert.Equal(Enumerable.Range(0, 10), split.TrainRows.Concat(split.TestRows).Order());
        Assert.Equal(split.TrainRows, features.Split(8, 2).TrainRows);
        Assert.Equal(SeededShuffle.Permutation(10, 42)[..8], split.TrainRows);
        for (int i = 0; i < split.Train.Count; i++)
        {
            int row = split.TrainRows[i];
            Assert.Equal(features.Ratings.CategoricalRow(row).ToArray(), split.Train.CategoricalRow(i).ToArray());
            Assert.Equal(features.Ratings.Labels[row], split.Train.Labels[i]);
        }
        Assert.Throws<ArgumentException>(() => features.Split(8, 3));
    }

    [Fact]
    public void SchemaAndEncodingFollowSortedVocabularies()
    {
        MovieLensFeatures features = FixtureFeatures();
        Assert.Equal(["1", "10", "2", "3"], features.UserIds.Values); // ordinal order, as np.unique sorts byte strings
        Assert.Equal([false, true], features.Genders.Values);
        Assert.Equal([1f, 18f, 50f, 56f], features.AgeBuckets.Values);
        Assert.Equal(["1", "2", "20", "3", "4"], features.MovieIds.Values);
        Assert.Equal(["user_id", "user_gender", "bucketized_user_age", "user_occupation_label", "movie_id"],
            features.Schema.CategoricalFields.Select(field => field.Name));
        Assert.Equal([4, 2, 4, 4, 5], features.Schema.CategoricalFields.Select(field => field.Cardinality));
        Assert.Equal(10_000, features.Schema.TitleVocabularySize);
        Assert.Equal(6, features.Schema.TitleLength); // "Á köldum klaka (Cold Fever) (1994)"

        // u.data line 4: user "2" (F, 53 → 50, other) rated movie "3".
        long other = OccupationLabels.IndexOfName("other/not specified");
        Assert.Equal([2L, 0L, 2L, features.Occupations.IndexOf(other), 3L], features.Ratings.CategoricalRow(3).ToArray());
        Assert.Equal(features.Titles.Encode("Metisse (Café au Lait) (1993)").Concat([0L]), features.Ratings.TitleTokensOf(3).ToArray());
    }

    [Fact]
    public void BatchesHaveContractShapesTypesAndContents()
    {
        EncodedRatings ratings = FixtureFeatures().Ratings;
        var batches = ratings.Batches(4).ToList();
        try
        {
            Assert.Equal([4, 4, 2], batches.Select(batch => batch.Count));
            FeatureBatch last = batches[2];
            Assert.Equal([2L, 5L], last.Categorical.shape);
            Assert.Equal([2L, 6L], last.TitleTokens.shape);
            Assert.Equal([2L], last.Labels.shape);
            Assert.Equal(ScalarType.Int64, last.Categorical.dtype);
            Assert.Equal(ScalarType.Int64, last.TitleTokens.dtype);
            Assert.Equal(ScalarType.Float32, last.Labels.dtype);

            // Unshuffled batches keep the stored order; earlier batches are unaffected by buffer reuse.
            for (int b = 0; b < batches.Count; b++)
            {
                long[] categorical = batches[b].Categorical.data<long>().ToArray();
                long[] titles = batches[b].TitleTokens.data<long>().ToArray();
                float[] labels = batches[b].Labels.data<float>().ToArray();
                for (int i = 0; i < batches[b].Count; i++)
                {
                    int row = b * 4 + i;
                    Assert.Equal(ratings.CategoricalRow(row).ToArray(), categorical[(i * 5)..(i * 5 + 5)]);
                    Assert.Equal(ratings.TitleTokensOf(row).ToArray(), titles[(i * 6)..(i * 6 + 6)]);
                    Assert.Equal(ratings.Labels[row], labels[i]);
                }
            }
        }
        finally
        {
            batches.ForEach(batch => batch.Dispose());
        }
    }

    [Fact]
    public void ShuffledBatchesFollowTheSeedAndCoverEveryExampleOnce()
    {
        EncodedRatings ratings = FixtureFeatures().Ratings;
        float[] Order(int seed)
        {
            using var scope = NewDisposeScope();
            // Labels alone cannot identify rows, so tag each example by its first two categorical indices.
            return ratings.Batches(3, seed)
                .SelectMany(batch => batch.Categorical.data<long>().ToArray().Chunk(5).Select(row => (float)(row[0] * 10 + row[4])))
                .ToArray();
        }
        float[] epoch1 = Order(43), again = Order(43), epoch2 = Order(44);
        Assert.Equal(epoch1, again);
        Assert.NotEqual(epoch1, epoch2);
        float[] stored = Enumerable.Range(0, ratings.Count).Select(row => (float)(ratings.CategoricalRow(row)[0] * 10 + ratings.CategoricalRow(row)[4])).ToArray();
        Assert.Equal(stored.Order(), epoch1.Order());
        Assert.Equal(SeededShuffle.Permutation(ratings.Count, 43).Select(row => stored[row]), epoch1);
    }
}
