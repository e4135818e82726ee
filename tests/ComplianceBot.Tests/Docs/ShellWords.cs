using System.Text;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// Splits a command line into words as a POSIX shell does for simple commands: single quotes, double quotes (with
/// <c>\"</c>, <c>\\</c>, <c>\$</c> escapes), backslash escapes and line continuations, and a <c>#</c> comment at the
/// start of a word. Unquoted shell operators (<c>| &amp; ; &lt; &gt; ( )</c>) are reported, not interpreted.
/// </summary>
public static class ShellWords
{
    /// <summary>The words of <paramref name="line"/> and the first unquoted operator character (null when there is none).</summary>
    public static (IReadOnlyList<string> Words, char? Operator) Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? op = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    throw new FormatException("unclosed single quote in: " + line);
                }

                word.Append(line, i + 1, end - i - 1);
                inWord = true;
                i = end;
            }
            else if (c == '"')
            {
                i++;
                for (; i < line.Length && line[i] != '"'; i++)
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }

                    word.Append(line[i]);
                }

                if (i >= line.Length)
                {
                    throw new FormatException("unclosed double quote in: " + line);
                }

                inWord = true;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                i++;
                if (line[i] != '\n')
                {
                    word.Append(line[i]);
                    inWord = true;
                }
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else if (c == '#' && !inWord)
            {
                break;
            }
            else
            {
                if (c is '|' or '&' or ';' or '<' or '>' or '(' or ')')
                {
                    op ??= c;
                }

                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return (words, op);
    }
}
