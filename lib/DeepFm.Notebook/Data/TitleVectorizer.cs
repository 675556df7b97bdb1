using System.Text.RegularExpressions;

namespace DeepFm.Notebook.Data;

/// <summary>
/// Turns movie titles into token ids the way Keras <c>TextVectorization(max_tokens=10_000)</c> does with its defaults
/// (standardize = "lower_and_strip_punctuation", split = "whitespace", output_mode = "int"):
/// <list type="number">
/// <item>lower-case with <c>tf.strings.lower</c>, which only changes ASCII A–Z ("Á" stays "Á");</item>
/// <item>delete every match of Keras' <c>DEFAULT_STRIP_REGEX</c> — the 32 ASCII punctuation marks, apostrophe and
/// hyphen included, so "Schindler's List" → "schindlers list" and "Se7en" stays "se7en";</item>
/// <item>split on ASCII whitespace;</item>
/// <item>look tokens up: 0 = padding "", 1 = out-of-vocabulary "[UNK]", then the adapted vocabulary.</item>
/// </list>
/// Adapting counts tokens and orders them by descending count; ties go to the token that sorts later in UTF-8 byte
/// order (Keras: <c>np.lexsort((tokens, counts))[::-1]</c> in <c>IndexLookup.finalize_state</c>). At most
/// <see cref="MaxTokens"/> − 2 tokens are kept. Source: keras-team/keras,
/// <c>keras/src/layers/preprocessing/text_vectorization.py</c> and <c>index_lookup.py</c>.
/// </summary>
public sealed class TitleVectorizer
{
    /// <summary>Keras' <c>max_tokens</c> in the original: vocabulary size including padding and OOV.</summary>
    public const int DefaultMaxTokens = 10_000;

    /// <summary>Index 0: the padding token.</summary>
    public const long PaddingId = 0;

    /// <summary>Index 1: any token not in the vocabulary.</summary>
    public const long OutOfVocabularyId = 1;

    /// <summary>Keras' <c>DEFAULT_STRIP_REGEX</c>, character for character.</summary>
    public const string KerasStripPattern = """[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']""";

    private static readonly Regex StripPunctuation = new(KerasStripPattern, RegexOptions.CultureInvariant);
    private static readonly char[] AsciiWhitespace = [' ', '\t', '\n', '\v', '\f', '\r'];

    private readonly string[] vocabulary;
    private readonly Dictionary<string, long> idOfToken;

    private TitleVectorizer(int maxTokens, string[] vocabulary)
    {
        MaxTokens = maxTokens;
        this.vocabulary = vocabulary;
        idOfToken = new Dictionary<string, long>(vocabulary.Length, StringComparer.Ordinal);
        for (int id = 2; id < vocabulary.Length; id++)
        {
            idOfToken[vocabulary[id]] = id;
        }
    }

    /// <summary>Size of the id space the title embedding must cover (10,000 in the original).</summary>
    public int MaxTokens { get; }

    /// <summary>Like Keras' <c>get_vocabulary()</c>: "", "[UNK]", then the tokens by descending frequency.</summary>
    public IReadOnlyList<string> Vocabulary => vocabulary;

    /// <summary>Learns the vocabulary from <paramref name="texts"/> (Keras <c>adapt</c>).</summary>
    public static TitleVectorizer Adapt(IEnumerable<string> texts, int maxTokens = DefaultMaxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string text in texts)
        {
            foreach (string token in Tokenize(text))
            {
                counts[token] = counts.GetValueOrDefault(token) + 1;
            }
        }
        string[] learned = counts
            .OrderByDescending(pair => pair.Value)
            .ThenByDescending(pair => pair.Key, Utf8ByteOrder.Instance)
            .Take(maxTokens - 2)
            .Select(pair => pair.Key)
            .ToArray();
        return new TitleVectorizer(maxTokens, ["", "[UNK]", .. learned]);
    }

    /// <summary>Keras' "lower_and_strip_punctuation": ASCII lower-casing, then punctuation removed.</summary>
    public static string Standardize(string text)
    {
        string lower = string.Create(text.Length, text, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++)
            {
                char c = source[i];
                chars[i] = c is >= 'A' and <= 'Z' ? (char)(c + ('a' - 'A')) : c;
            }
        });
        return StripPunctuation.Replace(lower, "");
    }

    /// <summary>The tokens of a text after standardization and whitespace splitting.</summary>
    public static string[] Tokenize(string text) =>
        Standardize(text).Split(AsciiWhitespace, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The token ids of one text, unpadded; unknown tokens become <see cref="OutOfVocabularyId"/>.</summary>
    public long[] Encode(string text) =>
        Tokenize(text).Select(token => idOfToken.TryGetValue(token, out long id) ? id : OutOfVocabularyId).ToArray();

    /// <summary>
    /// Token ids of many texts as a row-major [texts.Count, length] matrix padded with 0, where length is the longest
    /// encoded text (Keras' <c>output_sequence_length=None</c>) unless given; longer texts are cut to it.
    /// </summary>
    public long[] EncodePadded(IReadOnlyList<string> texts, out int length, int? fixedLength = null)
    {
        long[][] encoded = texts.Select(Encode).ToArray();
        length = fixedLength ?? encoded.Select(ids => ids.Length).DefaultIfEmpty(0).Max();
        var matrix = new long[texts.Count * length];
        for (int row = 0; row < encoded.Length; row++)
        {
            int copied = Math.Min(encoded[row].Length, length);
            Array.Copy(encoded[row], 0, matrix, row * length, copied);
        }
        return matrix;
    }

    /// <summary>Orders strings as their UTF-8 bytes sort, which is Unicode code point order (NumPy's byte order).</summary>
    private sealed class Utf8ByteOrder : IComparer<string>
    {
        public static readonly Utf8ByteOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            using var left = x!.EnumerateRunes().GetEnumerator();
            using var right = y!.EnumerateRunes().GetEnumerator();
            while (true)
            {
                bool hasLeft = left.MoveNext(), hasRight = right.MoveNext();
                if (!hasLeft || !hasRight)
                {
                    return hasLeft.CompareTo(hasRight);
                }
                int order = left.Current.Value.CompareTo(right.Current.Value);
                if (order != 0)
                {
                    return order;
                }
            }
        }
    }
}
