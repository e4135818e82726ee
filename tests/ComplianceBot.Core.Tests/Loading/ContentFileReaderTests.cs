using System.Text;
using ComplianceBot.Core.Tests.Support;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Core.Tests.Loading;

/// <summary>
/// Content files as editors really save them: UTF-8 (with or without a byte order mark) and UTF-16 load; any other
/// encoding, binary data and oversized files are refused with the file (and line) named instead of being served garbled.
/// </summary>
public sealed class ContentFileReaderTests : IDisposable
{
    private const string Travelers = "topics/travelers.yaml";
    private readonly KnowledgeCopy _copy = new();

    static ContentFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _copy.Dispose();

    [Fact]
    public void A_topic_saved_as_GB18030_is_an_error_at_its_first_chinese_line_instead_of_mojibake()
    {
        var path = _copy.FullPath(Travelers);
        var chineseLine = _copy.LineOf(Travelers, "  zh: 前往中国大陆出行");
        File.WriteAllBytes(path, Encoding.GetEncoding("GB18030").GetBytes(File.ReadAllText(path)));

        var result = _copy.Load();

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal(("knowledge/topics/travelers.yaml", chineseLine), (error.Path, error.Line));
        Assert.StartsWith($"the file is not saved as UTF-8 (line {chineseLine}): save it as UTF-8", error.Text);
    }

    [Fact]
    public void A_latin1_e_acute_is_an_error_at_its_line()
    {
        var path = _copy.FullPath(Travelers);
        var line = _copy.LineOf(Travelers, "  en: Travelling to mainland China");
        var utf8 = File.ReadAllBytes(path);
        var marker = Encoding.UTF8.GetBytes("Travelling to mainland China");
        var at = utf8.AsSpan().IndexOf(marker);
        var latin1 = utf8[..at].Concat(Encoding.Latin1.GetBytes("Travelling to the Côte")).Concat(utf8[(at + marker.Length)..]).ToArray();
        File.WriteAllBytes(path, latin1);

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal((line, 26), (error.Line, error.Column)); // the ô
        Assert.StartsWith($"the file is not saved as UTF-8 (line {line})", error.Text);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16be-bom")]
    public void Files_with_a_byte_order_mark_load_with_their_chinese_text_intact(string encoding)
    {
        var path = _copy.FullPath(Travelers);
        var text = File.ReadAllText(path);
        var expectedHash = _copy.Load().Version.Hash;
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => (byte[])[.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        File.WriteAllBytes(path, bytes);

        var result = _copy.Load();

        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Messages));
        Assert.Equal("前往中国大陆出行", result.Content!.Knowledge.FindTopic("travelers")!.Title.Zh);
        Assert.Equal(expectedHash, result.Version.Hash); // the same text is the same content
    }

    [Fact]
    public void A_binary_file_named_yaml_is_reported_as_not_a_text_file()
    {
        File.WriteAllBytes(_copy.FullPath("topics/junk.yaml"), Enumerable.Range(0, 2560).Select(i => (byte)(i % 256)).ToArray());

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal("knowledge/topics/junk.yaml:0:0: error: this is not a text file (it contains binary data), so it cannot be a YAML "
            + "content file; remove it from this folder, or if it should be one, save it as UTF-8 text", error.ToString());
    }

    [Fact]
    public void A_stray_control_character_is_an_error_at_its_position()
    {
        var line = _copy.LineOf(Travelers, "  en: Travelling to mainland China");
        _copy.Replace(Travelers, "  en: Travelling to mainland China", "  en: Travelling to\u000Bmainland China");

        var error = Assert.Single(_copy.Load().Messages, m => m.Severity == Severity.Error);

        Assert.Equal((line, 20), (error.Line, error.Column));
        Assert.StartsWith("an invisible control character (U+000B) is here; delete it", error.Text);
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused_and_not_parsed()
    {
        var phrasings = string.Concat(Enumerable.Range(0, 40_000).Select(i => $"    - paid vpn question number {i}\n"));
        _copy.Replace(Travelers, "phrasings:\n  en:\n", "phrasings:\n  en:\n" + phrasings);

        var result = _copy.Load();

        Assert.Null(result.Content);
        var error = Assert.Single(result.Messages, m => m.Severity == Severity.Error);
        Assert.Equal("knowledge/topics/travelers.yaml:0:0: error: the file is 1.4 MB; a content file may be at most 1 MB. "
            + "Split it into several files, or remove what does not belong in it", error.ToString());
    }
}
