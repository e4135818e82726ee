using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>Real-shaped Bot Framework activities for tests.</summary>
public static class Activities
{
    public static JObject Message(string? text, string conversationId = "conv-1", JObject? value = null, JArray? attachments = null)
    {
        var activity = Base("message", conversationId);
        if (text is not null)
        {
            activity["text"] = text;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        if (attachments is not null)
        {
            activity["attachments"] = attachments;
        }

        return activity;
    }

    public static JObject MembersAdded(string conversationId, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", conversationId);
        activity["membersAdded"] = new JArray(memberIds.Select(id => new JObject { ["id"] = id, ["name"] = id }));
        return activity;
    }

    private static JObject Base(string type, string conversationId) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "emulator",
        ["serviceUrl"] = "http://127.0.0.1:1",
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Ada" },
        ["recipient"] = new JObject { ["id"] = "bot", ["name"] = "ComplianceBot" },
        ["conversation"] = new JObject { ["id"] = conversationId },
        ["locale"] = "en-US",
    };
}
