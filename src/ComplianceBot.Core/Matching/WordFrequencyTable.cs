namespace ComplianceBot.Core.Matching;

/// <summary>
/// A read-mostly table from words to frequencies for jieba's main dictionary (about 500,000 words and prefixes), kept in
/// a few flat arrays instead of a string and a dictionary entry per word: each key is a slice of one character buffer
/// (a prefix of a word is a slice of that word's characters), found by open addressing. About a third of the memory of
/// a <c>Dictionary&lt;string, int&gt;</c> with its strings, and no objects for the garbage collector to trace.
/// </summary>
/// <remarks>Not thread-safe while being filled; lookups are thread-safe once it is no longer changed.</remarks>
internal sealed class WordFrequencyTable
{
    private char[] _chars;
    private int _charCount;
    private int[] _offsets;
    private ushort[] _lengths;
    private int[] _frequencies;
    private int[] _slots; // entry index + 1; 0 = empty. A power of two, at most half full.
    private int _count;

    /// <summary>Creates a table sized for about <paramref name="entries"/> keys of <paramref name="chars"/> characters in all.</summary>
    public WordFrequencyTable(int entries, int chars)
    {
        entries = Math.Max(entries, 16);
        _chars = new char[Math.Max(chars, 16)];
        _offsets = new int[entries];
        _lengths = new ushort[entries];
        _frequencies = new int[entries];
        _slots = new int[SlotsFor(entries)];
    }

    /// <summary>Number of keys.</summary>
    public int Count => _count;

    /// <summary>
    /// Sets <paramref name="word"/>'s frequency (replacing one set before), and gives each of its proper prefixes
    /// frequency 0 unless it has one already: jieba's <c>words[word] = freq</c> followed by <c>TryAdd(prefix, 0)</c>.
    /// </summary>
    public void SetWordAndPrefixes(ReadOnlySpan<char> word, int frequency)
    {
        if (word.Length > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(word), "A dictionary word of more than 65,535 characters.");
        }

        var entry = Find(word);
        int offset;
        if (entry >= 0)
        {
            _frequencies[entry] = frequency;
            offset = _offsets[entry];
        }
        else
        {
            offset = Append(word);
            Insert(offset, word.Length, frequency);
        }

        for (var i = 1; i < word.Length; i++)
        {
            if (Find(word[..i]) < 0)
            {
                Insert(offset, i, 0);
            }
        }
    }

    /// <summary>True when <paramref name="key"/> is a word or a prefix of one.</summary>
    public bool ContainsKey(ReadOnlySpan<char> key) => Find(key) >= 0;

    /// <summary><paramref name="key"/>'s frequency (0 for a prefix that is no word itself), if it is in the table.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out int frequency)
    {
        var entry = Find(key);
        frequency = entry >= 0 ? _frequencies[entry] : 0;
        return entry >= 0;
    }

    private static int SlotsFor(int entries)
    {
        var slots = 16;
        while (slots < entries * 2)
        {
            slots *= 2;
        }

        return slots;
    }

    // FNV-1a over the characters, then mixed: the keys are fixed, so no per-process seed is needed.
    private static uint Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }

    private int Find(ReadOnlySpan<char> key)
    {
        var mask = _slots.Length - 1;
        for (var slot = (int)(Hash(key) & (uint)mask); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot] - 1;
            if (entry < 0)
            {
                return -1;
            }

            if (_lengths[entry] == key.Length && _chars.AsSpan(_offsets[entry], key.Length).SequenceEqual(key))
            {
                return entry;
            }
        }
    }

    private int Append(ReadOnlySpan<char> word)
    {
        if (_charCount + word.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + word.Length));
        }

        word.CopyTo(_chars.AsSpan(_charCount));
        _charCount += word.Length;
        return _charCount - word.Length;
    }

    private void Insert(int offset, int length, int frequency)
    {
        if (_count == _offsets.Length)
        {
            var size = _count * 2;
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _frequencies, size);
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Rehash(_slots.Length * 2);
        }

        _offsets[_count] = offset;
        _lengths[_count] = (ushort)length;
        _frequencies[_count] = frequency;
        Place(_count);
        _count++;
    }

    private void Place(int entry)
    {
        var mask = _slots.Length - 1;
        var slot = (int)(Hash(_chars.AsSpan(_offsets[entry], _lengths[entry])) & (uint)mask);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        _slots[slot] = entry + 1;
    }

    private void Rehash(int slots)
    {
        _slots = new int[slots];
        for (var entry = 0; entry < _count; entry++)
        {
            Place(entry);
        }
    }
}
