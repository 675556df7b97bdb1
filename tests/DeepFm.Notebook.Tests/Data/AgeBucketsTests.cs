using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

public class AgeBucketsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(7, 1)]
    [InlineData(17, 1)]
    [InlineData(18, 18)]
    [InlineData(24, 18)]
    [InlineData(25, 25)]
    [InlineData(34, 25)]
    [InlineData(35, 35)]
    [InlineData(44, 35)]
    [InlineData(45, 45)]
    [InlineData(49, 45)]
    [InlineData(50, 50)]
    [InlineData(55, 50)]
    [InlineData(56, 56)]
    [InlineData(73, 56)]
    public void AgeMapsToLargestBoundaryNotAboveIt(int age, int bucket) => Assert.Equal(bucket, AgeBuckets.Bucketize(age));

    [Fact]
    public void BoundariesAreTheMovieLens1MAgeRanges() => Assert.Equal([1, 18, 25, 35, 45, 50, 56], AgeBuckets.Boundaries);
}
