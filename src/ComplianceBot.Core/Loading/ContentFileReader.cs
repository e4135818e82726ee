using System.Text;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Loading;

/// <summary>The text of one content file, or why it could not be read as text.</summary>
/// <param name="Text">The decoded text (no byte order mark), or null when the file was refused.</param>
/// <param name="Fingerprint">What the content version hashes for this file: the text, or a description of a refused file.</param>
internal sealed record ContentFileText(string? Text, string Fingerprint);

/// <summary>
/// Reads a content file as text the way authors' editors save it, and refuses what would be served wrongly or
/// stall a reload: a file over <see cref="MaxBytes"/>, a file that is not text (binary), a file that is not UTF-8.
/// </summary>
/// <remarks>
/// Encodings: a byte order mark selects UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); without one the file must be
/// valid UTF-8. Decoding is strict, so a file saved as GB18030 or Latin-1 is an error at its first bad line instead
/// of being served as mojibake. Decoding uses .NET's own encoders (<see cref="UTF8Encoding"/> with
/// <c>throwOnInvalidBytes</c>, <see cref="Encoding.GetEncoding(int)"/> for UTF-16/32).
/// </remarks>
internal static class ContentFileReader
{
    /// <summary>Largest content file accepted: 1 MB (1,048,576 bytes). The largest real file is about 20 KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads <paramref name="fullPath"/>; a refused file adds one error for <paramref name="display"/> to
    /// <paramref name="messages"/> and returns a null <see cref="ContentFileText.Text"/>.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read (the caller reports it for the whole load).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static ContentFileText Read(string fullPath, string display, List<ValidationMessage> messages)
    {
        var length = new FileInfo(fullPath).Length;
        if (length > MaxBytes)
        {
            messages.Add(new ValidationMessage(display, 0, 0, Severity.Error,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is {length / 1024.0 / 1024.0:0.0} MB; a content file may be at most 1 MB. ")
                + "Split it into several files, or remove what does not belong in it"));
            return new ContentFileText(null, $"<refused: {length} bytes>");
        }

        var bytes = File.ReadAllBytes(fullPath);
        var (text, problem) = Decode(bytes);
        if (problem is not null)
        {
            messages.Add(new ValidationMessage(display, problem.Value.Line, problem.Value.Column, Severity.Error, problem.Value.Text));
            return new ContentFileText(null, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }

        return new ContentFileText(text, text!);
    }

    /// <summary>Decodes <paramref name="bytes"/>: the text, or the 1-based line and column (0 = the whole file or line) and wording of the problem.</summary>
    internal static (string? Text, (int Line, int Column, string Text)? Problem) Decode(byte[] bytes)
    {
        var (encoding, bomLength) = FromByteOrderMark(bytes);
        string text;
        try
        {
            text = encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException)
        {
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                return (null, (0, 0, NotText));
            }

            var (line, column) = FirstBadPosition(bytes, bomLength, encoding);
            return (null, (line, column, bomLength == 0
                ? $"the file is not saved as UTF-8 (line {line}): save it as UTF-8 (in most editors: Save with Encoding > UTF-8); "
                  + "text in another encoding, such as GB18030 or Latin-1, would be shown garbled"
                : $"the file starts with a {encoding.WebName} byte order mark but is not valid {encoding.WebName} (line {line}): save it as UTF-8"));
        }

        var controls = text.Count(IsControl);
        if (text.Contains('\0') || controls > MaxStrayControls)
        {
            return (null, (0, 0, NotText));
        }

        if (controls > 0)
        {
            var index = text.AsSpan().IndexOfAny(ControlCharacters);
            var line = text.AsSpan(0, index).Count('\n') + 1;
            var column = index - (text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1) + 1;
            return (null, (line, column,
                $"an invisible control character (U+{(int)text[index]:X4}) is here; delete it (it often comes with text copied from a PDF or a word processor)"));
        }

        return (text, null);
    }

    /// <summary>More control characters than this and the file is taken for binary data.</summary>
    private const int MaxStrayControls = 8;

    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 32).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c).Append('\u007F').ToArray());

    private static bool IsControl(char c) => c is (< ' ' and not ('\t' or '\n' or '\r')) or '\u007F';

    private const string NotText =
        "this is not a text file (it contains binary data), so it cannot be a YAML content file; "
        + "remove it from this folder, or if it should be one, save it as UTF-8 text";

    private static (Encoding Encoding, int BomLength) FromByteOrderMark(byte[] bytes)
    {
        static bool Starts(byte[] b, params byte[] prefix) => b.Length >= prefix.Length && b.AsSpan(0, prefix.Length).SequenceEqual(prefix);

        if (Starts(bytes, 0xEF, 0xBB, 0xBF))
        {
            return (new UTF8Encoding(false, true), 3);
        }

        if (Starts(bytes, 0xFF, 0xFE, 0x00, 0x00))
        {
            return (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (Starts(bytes, 0x00, 0x00, 0xFE, 0xFF))
        {
            return (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (Starts(bytes, 0xFF, 0xFE))
        {
            return (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (Starts(bytes, 0xFE, 0xFF))
        {
            return (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        return (new UTF8Encoding(false, true), 0);
    }

    /// <summary>The 1-based line and column of the first byte sequence <paramref name="encoding"/> cannot decode.</summary>
    private static (int Line, int Column) FirstBadPosition(byte[] bytes, int start, Encoding encoding)
    {
        var decoder = encoding.GetDecoder();
        var chars = new char[8];
        var (line, column) = (1, 1);
        var unit = encoding is UTF8Encoding ? 1 : encoding is UTF32Encoding ? 4 : 2;
        for (var i = start; i + unit <= bytes.Length; i += unit)
        {
            try
            {
                var count = decoder.GetChars(bytes, i, unit, chars, 0, flush: false);
                foreach (var c in chars.AsSpan(0, count))
                {
                    (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
                }
            }
            catch (DecoderFallbackException)
            {
                break;
            }
        }

        return (line, column);
    }
}
