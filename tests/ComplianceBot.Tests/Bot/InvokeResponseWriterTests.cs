using ComplianceBot.Bot;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>The replies of an expectReplies turn reach the caller byte for byte as the Bot Framework SDK writes them.</summary>
public sealed class InvokeResponseWriterTests
{
    private static async Task<(int Status, string? ContentType, byte[] Body)> WriteAsync(Func<HttpResponse, Task> write)
    {
        var context = new DefaultHttpContext();
        var body = new MemoryStream();
        context.Response.Body = body;
        await write(context.Response);
        return (context.Response.StatusCode, context.Response.ContentType, body.ToArray());
    }

    private static InvokeResponse Replies(string text) => new()
    {
        Status = 200,
        Body = new ExpectedReplies(
        [
            new Activity
            {
                Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Markdown, Locale = "zh-CN",
                Timestamp = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero),
                SuggestedActions = new SuggestedActions
                {
                    Actions = [new CardAction(ActionTypes.MessageBack, "是", text: "是", displayText: "是", value: new JObject { ["slot"] = "charges", ["value"] = "yes" })],
                },
                Value = new JObject { ["kind"] = "answer", ["confidence"] = 0.93, ["sources"] = new JArray("《网络安全法》 Art. 27", "MIIT notice \"32\"") },
            },
            new Activity { Type = ActivityTypes.Message, Text = "_Not legal advice._ \u2028 <script>" },
        ]),
    };

    public static TheoryData<string> Texts => ["个人用付费VPN违法吗？\n\n**出处:** 《计算机信息网络国际联网管理暂行规定》", new string('x', 300_000), "emoji 🙂 and \"quotes\""];

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task The_replies_are_written_as_the_sdk_writes_them(string text)
    {
        var expected = await WriteAsync(r => HttpHelper.WriteResponseAsync(r, Replies(text)));

        var first = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, Replies(text)));
        var second = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, Replies(text))); // a kept buffer again

        Assert.Equal(expected.Status, first.Status);
        Assert.Equal(expected.ContentType, first.ContentType);
        Assert.Equal(expected.Body, first.Body);
        Assert.Equal(expected.Body, second.Body);
    }

    [Fact]
    public async Task A_turn_without_a_response_body_gets_its_status_alone()
    {
        var none = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, null));
        var notImplemented = await WriteAsync(r => InvokeResponseWriter.WriteAsync(r, new InvokeResponse { Status = 501 }));

        Assert.Equal((200, null), (none.Status, none.ContentType));
        Assert.Empty(none.Body);
        Assert.Equal((501, null), (notImplemented.Status, notImplemented.ContentType));
        Assert.Empty(notImplemented.Body);
    }
}
