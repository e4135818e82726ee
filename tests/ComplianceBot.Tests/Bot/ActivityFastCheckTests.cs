using System.Text.Json;
using ComplianceBot.Bot;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// The typed check that lets well-formed activities skip the JSON Schema evaluation: it recognises what channels send,
/// and never lets through an activity the schema would refuse (which must keep getting its specific 400 answer).
/// </summary>
public sealed class ActivityFastCheckTests
{
    private const string LoadTestMessage = """
        {"type":"message","deliveryMode":"expectReplies","channelId":"emulator","serviceUrl":"http://localhost",
         "conversation":{"id":"bench-0-1"},"from":{"id":"user-bench-0-1"},"recipient":{"id":"bot"},"text":"can i use a vpn in china"}
        """;

    private const string TeamsMessage = """
        {"text":"<at>ComplianceBot</at> is a paid vpn legal","textFormat":"plain","type":"message","timestamp":"2026-11-29T09:30:00.5463283Z",
         "localTimestamp":"2026-11-29T17:30:00.5463283+08:00","id":"1732872600546","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/apac/",
         "from":{"id":"29:1abc","name":"Ada","aadObjectId":"6d3c4b2a-0000-0000-0000-000000000001"},
         "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"72f988bf","id":"19:abc@thread.tacv2;messageid=1"},
         "recipient":{"id":"28:bot","name":"ComplianceBot"},
         "entities":[{"mentioned":{"id":"28:bot","name":"ComplianceBot"},"text":"<at>ComplianceBot</at>","type":"mention"},
                     {"locale":"en-US","country":"US","platform":"Web","timezone":"Asia/Shanghai","type":"clientInfo"}],
         "attachments":[{"contentType":"text/html","content":"<div>is a paid vpn legal</div>"}],
         "channelData":{"tenant":{"id":"72f988bf"},"teamsChannelId":"19:abc@thread.tacv2"},"locale":"en-US","localTimezone":"Asia/Shanghai"}
        """;

    private const string WebChatMessage = """
        {"type":"message","id":"abc|0000001","timestamp":"2026-11-29T09:30:00.123Z","serviceUrl":"https://directline.botframework.com/",
         "channelId":"webchat","from":{"id":"dl_1","name":"","role":"user"},"conversation":{"id":"abc"},"recipient":{"id":"bot@x","name":"ComplianceBot"},
         "textFormat":"plain","locale":"zh-CN","text":"个人用付费VPN违法吗","channelData":{"clientActivityID":"1","clientTimestamp":"2026-11-29T09:30:00.000Z"},
         "value":{"start":"client-access-check"},"deliveryMode":null,"replyToId":null}
        """;

    public static TheoryData<string> WellFormed => [LoadTestMessage, TeamsMessage, WebChatMessage];

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void What_channels_send_is_recognised_without_the_schema(string body)
    {
        using var document = JsonDocument.Parse(body);

        Assert.True(ActivityFastCheck.Fits(document.RootElement));
        Assert.Empty(JsonShapeValidator.Activity.Check(document.RootElement));
    }

    // Every field of the schema with values of every kind, on each well-formed activity: whatever the typed check lets
    // through, the schema accepts too (so no malformed activity loses its specific 400 answer).
    public static TheoryData<string, string> FieldValues()
    {
        string[] fields =
        [
            "type", "id", "timestamp", "localTimestamp", "expiration", "serviceUrl", "channelId", "from", "recipient", "conversation",
            "conversation.id", "conversation.isGroup", "conversation.tenantId", "from.id", "from.name", "recipient.role", "text", "locale",
            "textFormat", "replyToId", "deliveryMode", "entities", "attachments", "historyDisclosed", "membersAdded", "suggestedActions",
            "relatesTo", "semanticAction", "channelData", "value",
        ];
        string[] values =
        [
            "null", "true", "0", "1.5", "\"\"", "\"   \"", "\"x\"", "[]", "{}", "[null]", "[\"x\"]", "[{}]", "{\"id\": 1}", "{\"id\": \"a\"}",
            "{\"id\": null, \"name\": []}", "[{\"type\": 1}]", "[{\"type\": \"mention\", \"mentioned\": \"bob\"}]",
            "[{\"type\": \"mention\", \"mentioned\": {\"id\": \"28:bot\"}}]", "[{\"contentType\": 5}]", "[{\"contentType\": \"image/png\"}]",
            "\"expectReplies\"", "\"sometimes\"", "\"http://localhost\"", "\"https://example.com:443/a/b\"", "\"ftp://example.com/\"",
            "\"http://\"", "\"https://exa mple.com\"", "\"https://-x.com/\"", "\"not a url\"", "\"2026-11-29T09:30:00Z\"",
            "\"2026-11-29T25:00:00Z\"", "\"2026-02-30T09:30:00Z\"", "\"2026-11-29T09:30:00.1234567+08:00\"", "\"2026-11-29T09:30:00+14:00\"",
            "\"2026-11-29 09:30:00Z\"", "\"2026-11-29T09:30:00\"", "\"29.11.2026\"",
        ];
        var data = new TheoryData<string, string>();
        foreach (var field in fields)
        {
            foreach (var value in values)
            {
                data.Add(field, value);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FieldValues))]
    public void What_the_typed_check_lets_through_the_schema_accepts(string field, string value)
    {
        foreach (var body in new[] { LoadTestMessage, TeamsMessage, WebChatMessage })
        {
            var activity = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
            var target = activity;
            var path = field.Split('.');
            foreach (var name in path[..^1])
            {
                target = target[name]!.AsObject();
            }

            target[path[^1]] = System.Text.Json.Nodes.JsonNode.Parse(value);
            using var document = JsonDocument.Parse(activity.ToJsonString());

            if (ActivityFastCheck.Fits(document.RootElement))
            {
                Assert.Empty(JsonShapeValidator.Activity.Check(document.RootElement));
            }
        }
    }

    [Theory]
    [InlineData("""{"type":"message","type":"message","channelId":"x"}""")]
    [InlineData("""{"type":"message","conversation":{"id":"a","id":5}}""")]
    [InlineData("""[]""")]
    public void Repeated_fields_and_non_objects_are_left_to_the_schema(string body)
    {
        using var document = JsonDocument.Parse(body);

        Assert.False(ActivityFastCheck.Fits(document.RootElement));
    }
}
