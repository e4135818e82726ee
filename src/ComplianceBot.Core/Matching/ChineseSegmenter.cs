using System.Text;
using ComplianceBot.Core.Text;
using System.Text.RegularExpressions;
using JiebaNet.Segmenter;
using JiebaNet.Segmenter.FinalSeg;

namespace ComplianceBot.Core.Matching;

/// <summary>
/// jieba's accurate mode (the word graph of the dictionary, the most probable route through it, and the HMM for runs
/// of characters the dictionary does not know), over jieba's main dictionary plus words of our own that live in this
/// object only. jieba.NET keeps one process-wide dictionary that <c>JiebaSegmenter.AddWord</c> changes for every
/// caller and never shrinks, so content loaded later, or another copy of the content, would segment differently; here
/// jieba's main dictionary file is read once into a table nobody changes, and each instance (one per content version)
/// has its own added words. Only jieba's HMM (<see cref="Viterbi"/>, which holds no words) is used as it is.
/// </summary>
/// <remarks>
/// Loading and adding words work as jieba's do (same frequencies and total, same suggested frequency for an added
/// word), so the segmentation equals <c>JiebaSegmenter.Cut(text)</c> after the same words were added in the same order.
/// Add words before use; afterwards <see cref="Cut"/> is thread-safe (it only reads).
/// </remarks>
public sealed partial class ChineseSegmenter
{
    private static readonly Lazy<MainDictionary> Main = new(MainDictionary.Load);

    private readonly MainDictionary _main = Main.Value;
    private readonly Dictionary<string, int> _added = new(StringComparer.Ordinal);
    private double _total;

    /// <summary>Creates a segmenter with no words of its own yet (the first one reads jieba's main dictionary).</summary>
    public ChineseSegmenter() => _total = _main.Total;

    private readonly List<string> _addedOrder = [];

    /// <summary>The words added to this instance (<see cref="AddWord"/>), in the order they were first added.</summary>
    public IReadOnlyList<string> AddedWords => _addedOrder;

    // The blocks jieba segments (Han characters, Latin letters, digits and a few joiners) and the separators between them.
    [GeneratedRegex(@"([\u4E00-\u9FD5a-zA-Z0-9+#&\._]+)")]
    private static partial Regex Block();

    [GeneratedRegex(@"(\r\n|\s)")]
    private static partial Regex Skip();

    /// <summary>
    /// Adds <paramref name="word"/> with the frequency jieba would suggest (enough for it to be kept whole when it
    /// stands alone); a word the dictionary already has gets that frequency if it is higher, as in jieba.
    /// </summary>
    public void AddWord(string word)
    {
        if (string.IsNullOrEmpty(word))
        {
            return;
        }

        var freq = SuggestFreq(word);
        if (ContainsWord(word))
        {
            _total -= Freq(word);
        }

        if (!_addedOrder.Contains(word))
        {
            _addedOrder.Add(word);
        }

        _added[word] = freq;
        _total += freq;
        for (var i = 1; i < word.Length; i++)
        {
            var prefix = word[..i];
            if (!IsPrefix(prefix))
            {
                _added[prefix] = 0;
            }
        }
    }

    /// <summary>The words of <paramref name="text"/> in accurate mode with the HMM, as <c>JiebaSegmenter.Cut(text)</c> gives them.</summary>
    public List<string> Cut(string text)
    {
        var result = new List<string>();
        foreach (var block in Block().Split(text))
        {
            if (string.IsNullOrWhiteSpace(block))
            {
                continue;
            }

            if (Block().IsMatch(block))
            {
                CutDag(block, result);
                continue;
            }

            foreach (var piece in Skip().Split(block))
            {
                if (Skip().IsMatch(piece))
                {
                    result.Add(piece);
                }
                else
                {
                    result.AddRange(piece.Select(ch => ch.ToString()));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Characters the dictionary does not know are handed to jieba's HMM in pieces of at most this many (an unknown word
    /// is a few characters long; the HMM's cost and allocations grow with the piece).
    /// </summary>
    public const int MaxHmmRun = 64;

    private void CutDag(string sentence, List<string> words)
    {
        var route = Route(sentence);
        var single = -1; // start of the run of characters the route left single
        for (var x = 0; x < sentence.Length;)
        {
            var y = route[x] + 1;
            if (y - x == 1)
            {
                if (single < 0)
                {
                    single = x;
                }
            }
            else
            {
                if (single >= 0)
                {
                    Flush(sentence[single..x], words);
                    single = -1;
                }

                words.Add(sentence[x..y]);
            }

            x = y;
        }

        if (single >= 0)
        {
            Flush(sentence[single..], words);
        }
    }

    // Characters the route left single: a word the dictionary knows stays as characters, anything else goes to the HMM.
    private void Flush(string buffer, List<string> words)
    {
        WorkMeter.Add(buffer.Length);
        if (buffer.Length == 1)
        {
            words.Add(buffer);
        }
        else if (!ContainsWord(buffer))
        {
            for (var start = 0; start < buffer.Length; start += MaxHmmRun)
            {
                words.AddRange(Viterbi.Instance.Cut(buffer.Substring(start, Math.Min(MaxHmmRun, buffer.Length - start))));
            }
        }
        else
        {
            words.AddRange(buffer.Select(ch => ch.ToString()));
        }
    }

    // For each position, the end (inclusive) of the word that starts there on the most probable route.
    private int[] Route(string sentence)
    {
        var n = sentence.Length;
        var ends = new int[n];
        var score = new double[n + 1];
        var candidates = new List<int>();
        var logTotal = Math.Log(_total);
        for (var i = n - 1; i >= 0; i--)
        {
            var best = (End: -1, Score: double.MinValue);
            Candidates(sentence, i, candidates);
            foreach (var end in candidates)
            {
                var s = Math.Log(FreqOrDefault(sentence.AsSpan(i, end + 1 - i))) - logTotal + score[end + 1];
                if (best.Score < s)
                {
                    best = (end, s);
                }
            }

            ends[i] = best.End;
            score[i] = best.Score;
        }

        return ends;
    }

    // The ends of the dictionary words that start at k (k itself when there are none), into ends: one row of jieba's
    // word graph. Fragments are looked up as spans of the sentence, without a string each.
    private void Candidates(string sentence, int k, List<int> ends)
    {
        ends.Clear();
        var i = k;
        var fragment = sentence.AsSpan(k, 1);
        while (i < sentence.Length && IsPrefix(fragment))
        {
            WorkMeter.Add(fragment.Length);
            if (Freq(fragment) > 0)
            {
                ends.Add(i);
            }

            i++;
            if (i < sentence.Length)
            {
                fragment = sentence.AsSpan(k, i + 1 - k);
            }
        }

        if (ends.Count == 0)
        {
            ends.Add(k);
        }
    }

    // jieba's SuggestFreq for a word cut without the HMM: enough that the word beats the product of its parts.
    private int SuggestFreq(string word)
    {
        var freq = 1.0;
        foreach (var segment in CutWithoutHmm(word))
        {
            freq *= FreqOrDefault(segment) / _total;
        }

        return Math.Max((int)(freq * _total) + 1, FreqOrDefault(word));
    }

    private List<string> CutWithoutHmm(string word)
    {
        var route = Route(word);
        var words = new List<string>();
        for (var x = 0; x < word.Length;)
        {
            var y = route[x] + 1;
            words.Add(word[x..y]);
            x = y;
        }

        return words;
    }

    private bool IsPrefix(ReadOnlySpan<char> fragment) =>
        _added.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(fragment) || _main.Words.ContainsKey(fragment);

    private int Freq(ReadOnlySpan<char> fragment) =>
        _added.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(fragment, out var own) ? own : _main.Words.TryGetValue(fragment, out var main) ? main : 0;

    private bool ContainsWord(ReadOnlySpan<char> word) => Freq(word) > 0;

    private int FreqOrDefault(ReadOnlySpan<char> word) => ContainsWord(word) ? Freq(word) : 1;

    /// <summary>
    /// jieba's main dictionary (<c>Resources/dict.txt</c>, lines "word frequency tag"): each word with its frequency and
    /// each proper prefix of a word with 0, and the sum of all frequencies, as jieba loads it. Never changed once loaded.
    /// </summary>
    internal sealed record MainDictionary(WordFrequencyTable Words, double Total)
    {
        /// <summary>Reads the dictionary file (the segmenters share one copy, read on first use).</summary>
        public static MainDictionary Load()
        {
            // Sized once from a first pass: about 1.43 entries per line (349,046 words, 498,113 with their prefixes).
            // The words live in one flat table (WordFrequencyTable): as a Dictionary<string, int> with a string per word
            // and prefix they took about 30 MB of the process's managed heap for as long as it runs.
            var path = Path.GetFullPath(ConfigManager.MainDictFile);
            var (lines, chars) = (0, 0);
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                lines++;
                var end = line.AsSpan().IndexOfAny('\t', ' ');
                chars += end < 0 ? line.Length : end;
            }

            var words = new WordFrequencyTable(lines * 3 / 2, chars);
            var total = 0.0;
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var parts = line.Split('\t', ' ');
                if (parts.Length < 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None,
                        System.Globalization.CultureInfo.InvariantCulture, out var freq))
                {
                    continue;
                }

                words.SetWordAndPrefixes(parts[0], freq);
                total += freq;
            }

            return new MainDictionary(words, total);
        }
    }
}
