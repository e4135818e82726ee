using System.Collections.Concurrent;
using ComplianceBot.Core.Text;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// English (and any other Latin-script or digit) text: words split on spaces, stop words dropped, terms stemmed
/// with the Snowball (Porter2) English stemmer, so "fined", "fines" and "fine" are one term.
/// </summary>
public sealed class EnglishTokenizer : ITokenizer
{
    // Function words and chat filler that never tell two compliance topics apart. Content words such as "can",
    // "allowed" or "legal" stay out of this list only when they discriminate; "can" does not.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "is", "are", "am", "was", "were", "be", "been", "being", "to", "of", "in", "on", "at", "by",
        "for", "with", "from", "into", "about", "as", "and", "or", "but", "so", "if", "then", "than", "that", "this",
        "these", "those", "there", "here", "it", "its", "i", "me", "my", "mine", "we", "us", "our", "ours",
        "r", "he", "she", "him", "her", "his", "they", "them", "their", "do", "does",
        "did", "doing", "done", "can", "could", "would", "should", "will", "shall", "may", "might", "have", "has",
        "had", "what", "whats", "which", "who", "whom", "whose", "when", "where", "why", "how", "hows", "whether",
        "any", "some", "all", "just", "also", "too", "very", "really", "please", "pls", "plz", "hi", "hello", "hey",
        "thanks", "thank", "thx", "ok", "okay", "im", "ive", "id", "ill", "dont", "doesnt", "didnt", "isnt", "arent",
        "wasnt", "cant", "cannot", "wont", "not", "no", "yes", "yeah", "get", "got", "know", "tell", "want", "wanna",
        "need", "there", "theres", "theyre", "youre", "were", "weve", "lets", "let", "one", "ones", "anyone",
        "someone", "something", "anything", "thing", "things", "like", "still", "even", "ever", "again", "now",
        "w", "wrt", "re", "s", "t", "d", "ll", "m", "ve", "question", "quick", "hmm", "um", "uh",
        "lol", "btw", "fyi", "asap", "gonna", "gotta", "kinda", "sort", "kind", "actually", "basically", "etc",
        "say", "says", "said", "mean", "means", "explain", "other", "such", "same", "each", "every", "both",
        "own", "out", "up", "over", "only", "more", "most", "much", "many", "few", "well", "make", "makes",
        "maybe", "probably", "perhaps",
    };

    // Verbs that, right after "i" or "we" or right before "so", only hedge what is said ("the company one i think",
    // "we believe it's approved", "think so"): then no content word. "what does the government think of vpns" keeps its "think".
    private static readonly HashSet<string> HedgeVerbs = new(StringComparer.Ordinal) { "think", "guess", "believe", "suppose", "reckon", "assume" };

    private static readonly HashSet<string> HedgeSubjects = new(StringComparer.Ordinal) { "i", "we" };

    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Language Language => Language.English;

    /// <inheritdoc />
    public bool SupportsSpellingCorrection => true;

    /// <inheritdoc />
    public bool Handles(char ch) => !Scripts.IsHan(ch) && ch != ' ';

    /// <summary>True when <paramref name="word"/> (normalised, lowercase) is an English stop word.</summary>
    public static bool IsStopWord(string word) => StopWords.Contains(word);

    /// <inheritdoc />
    public void Tokenize(string run, List<string> words)
    {
        var split = run.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < split.Length; i++)
        {
            var word = split[i];
            var hedge = HedgeVerbs.Contains(word)
                        && ((i > 0 && HedgeSubjects.Contains(split[i - 1])) || (i + 1 < split.Length && split[i + 1] == "so"));
            words.Add(hedge || StopWords.Contains(word) ? TextAnalyzer.Gap : word);
        }
    }

    /// <summary>Words longer than this are no English words (URLs, keyboard mashing) and are their own term, unstemmed.</summary>
    public const int MaxStemmedLength = 40;

    /// <summary>At most this many stems are remembered; words beyond are stemmed each time (the cache must not grow with whatever users type).</summary>
    public const int MaxCachedStems = 50_000;

    private int _cachedStems;

    /// <inheritdoc />
    public string ToTerm(string word)
    {
        if (word.Length <= 2 || word.Length > MaxStemmedLength || !word.All(char.IsAsciiLetter))
        {
            WorkMeter.Add(word.Length);
            return word;
        }

        if (_stems.TryGetValue(word, out var cached))
        {
            return cached;
        }

        var stem = Stem(word);
        if (Volatile.Read(ref _cachedStems) < MaxCachedStems && _stems.TryAdd(word, stem))
        {
            Interlocked.Increment(ref _cachedStems);
        }

        return stem;
    }

    private static string Stem(string word)
    {
        WorkMeter.Add(word.Length);
        var stemmer = new EnglishStemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }

    /// <inheritdoc />
    public void AddWord(string word)
    {
        // English words are delimited by spaces; multi-word synonyms are handled by SynonymMap.
    }
}
