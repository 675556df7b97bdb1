using DeepFm.Notebook.Data;

namespace DeepFm.Notebook.Tests.Data;

public class TitleVectorizerTests
{
    [Theory]
    [InlineData("Star Wars (1977)", new[] { "star", "wars", "1977" })]
    [InlineData("Schindler's List (1993)", new[] { "schindlers", "list", "1993" })]
    [InlineData("Se7en (1995)", new[] { "se7en", "1995" })]
    [InlineData("Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb (1963)",
        new[] { "dr", "strangelove", "or", "how", "i", "learned", "to", "stop", "worrying", "and", "love", "the", "bomb", "1963" })]
    [InlineData("Jean-Luc's 8 1/2 [Otto e mezzo]", new[] { "jeanlucs", "8", "12", "otto", "e", "mezzo" })]
    [InlineData("Metisse (Café au Lait) (1993)", new[] { "metisse", "café", "au", "lait", "1993" })]
    // tf.strings.lower only lower-cases ASCII, so the Latin-1 capital Á stays as it is.
    [InlineData("Á köldum klaka (Cold Fever) (1994)", new[] { "Á", "köldum", "klaka", "cold", "fever", "1994" })]
    [InlineData("  tabs\tand   spaces ", new[] { "tabs", "and", "spaces" })]
    public void TokenizesLikeKerasDefaults(string title, string[] tokens) => Assert.Equal(tokens, TitleVectorizer.Tokenize(title));

    [Fact]
    public void StripPatternRemovesExactlyTheAsciiPunctuation()
    {
        // Python's string.punctuation: Keras' DEFAULT_STRIP_REGEX lists these 32 characters, ',-.' being a range.
        const string punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        Assert.Equal(32, punctuation.Length);
        for (char c = (char)1; c < 128; c++)
        {
            bool stripped = TitleVectorizer.Standardize(c.ToString()).Length == 0;
            Assert.True(stripped == punctuation.Contains(c), $"'{c}' (U+{(int)c:X4}) stripped = {stripped}");
        }
    }

    [Fact]
    public void VocabularyIsByDescendingCountThenDescendingToken()
    {
        // counts: a 2, c 2, b 1, d 1 → ties broken by the later-sorting token first (np.lexsort(...)[::-1]).
        TitleVectorizer vectorizer = TitleVectorizer.Adapt(["b a", "A c", "c d"]);
        Assert.Equal(["", "[UNK]", "c", "a", "d", "b"], vectorizer.Vocabulary);
        Assert.Equal(10_000, vectorizer.MaxTokens);
    }

    [Fact]
    public void MaxTokensCountsPaddingAndOutOfVocabulary()
    {
        TitleVectorizer vectorizer = TitleVectorizer.Adapt(["x x x y y z"], maxTokens: 4);
        Assert.Equal(["", "[UNK]", "x", "y"], vectorizer.Vocabulary);
        Assert.Equal([2L, 3L, 1L], vectorizer.Encode("X y Z"));
    }

    [Fact]
    public void UnknownTokensMapToOneAndPaddingIsZero()
    {
        TitleVectorizer vectorizer = TitleVectorizer.Adapt(["Star Wars (1977)", "Star Trek (1979)"]);
        // star 2×; then the count-1 tokens in descending order: wars, trek, 1979, 1977.
        Assert.Equal(["", "[UNK]", "star", "wars", "trek", "1979", "1977"], vectorizer.Vocabulary);
        Assert.Equal([2L, 1L, 1L], vectorizer.Encode("Star Gate (1994)"));

        long[] matrix = vectorizer.EncodePadded(["Star Wars (1977)", "Trek", ""], out int length);
        Assert.Equal(3, length);
        Assert.Equal([2L, 3L, 6L, 4L, 0L, 0L, 0L, 0L, 0L], matrix);
    }
}
