using System.Text;
using ComplianceBot.Hosting;
using Microsoft.AspNetCore.Http;

namespace ComplianceBot.Tests.Hosting;

/// <summary>The body of a request to the bot's endpoints is read once, as the text a StreamReader reads, without waste.</summary>
public sealed class JsonRequestBodyTests
{
    private static DefaultHttpContext Request(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        return context;
    }

    private static string StreamReaderText(byte[] body) =>
        new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();

    public static TheoryData<byte[]> Bodies =>
    [
        Encoding.UTF8.GetBytes("""{"type":"message","text":"个人用付费VPN违法吗 🙂"}"""),
        [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("""{"text":"with a UTF-8 byte order mark"}""")],
        [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("""{"text":"UTF-16 with its mark"}""")],
        [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes("""{"text":"UTF-16 big-endian"}""")],
        [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes("""{"text":"UTF-32"}""")],
        [.. Encoding.UTF8.GetBytes("""{"text":"bad bytes """), 0xC3, 0x28, 0xFF, 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}")],
        [.. Encoding.UTF8.GetBytes("""{"text":"cut in the middle of a character """), 0xE4, 0xB8],
        [],
        [0xEF, 0xBB],
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task The_text_is_what_a_stream_reader_reads_from_the_bytes(byte[] body)
    {
        var (text, problem) = await JsonRequestBody.ReadAsync(Request(body), 1_000_000);

        Assert.Null(problem);
        Assert.Equal(StreamReaderText(body), text);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"text":"{{new string('x', 2_000)}}"}""");
        var context = Request(body);
        context.Request.ContentLength = null; // chunked: only the bytes tell

        var (text, problem) = await JsonRequestBody.ReadAsync(context, 1_000);

        Assert.Equal(string.Empty, text);
        Assert.NotNull(problem);
    }

    [Fact]
    public async Task Reading_a_body_allocates_little_more_than_its_text()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"type":"message","text":"{{string.Concat(Enumerable.Repeat("Is it illegal for individuals to use paid international VPN services? ", 20))}}"}""");
        await JsonRequestBody.ReadAsync(Request(body), 1_000_000); // warm
        var context = Request(body);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var (text, _) = await JsonRequestBody.ReadAsync(context, 1_000_000); // a memory stream completes at once, on this thread
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The string (2 bytes a character) and a little for the pipe; 3,800 bytes here; a StreamReader's buffers and growing builder took 10,800.
        Assert.True(allocated < 2 * text.Length * 1.6, $"{allocated} bytes for {text.Length} characters");
    }
}
