using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// Activities shaped as Microsoft Teams sends them (ids, conversation types, channelData, the text/html copy of the
/// message, clientInfo and mention entities), addressed to a bot whose display name has two words.
/// </summary>
public static class TeamsActivities
{
    public const string BotId = "28:0b5e4a1c-6d2f-4c44-9a3e-2f8f0c1d7e11";
    public const string BotName = "Compliance Bot";
    public const string UserId = "29:1Qz3Fh7k-user-ada";
    public const string ChannelThreadPrefix = "19:7f3c1b2a9d8e4f60@thread.tacv2;messageid=";

    private static int _sequence;

    public static string NewId() => "17328756" + Interlocked.Increment(ref _sequence).ToString("D5");

    /// <summary>A channel message; <paramref name="mentions"/> are the mention entities (see <see cref="BotMention"/>).</summary>
    public static JObject ChannelMessage(Uri serviceUrl, string text, params JObject[] mentions)
    {
        var activity = Base("message", serviceUrl, ChannelThreadPrefix + NewId(), "channel");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        activity["attachments"] = new JArray(HtmlCopy(text));
        activity["entities"] = new JArray(mentions.Append(ClientInfo()));
        return activity;
    }

    /// <summary>A personal (1:1) chat message.</summary>
    public static JObject PersonalMessage(Uri serviceUrl, string? text, string conversationId, JToken? value = null)
    {
        var activity = Base("message", serviceUrl, conversationId, "personal");
        if (text is not null)
        {
            activity["text"] = text;
            activity["attachments"] = new JArray(HtmlCopy(text));
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        activity["entities"] = new JArray(ClientInfo());
        return activity;
    }

    public static JObject BotMention(string text = $"<at>{BotName}</at>", string name = BotName, bool withText = true)
    {
        var mention = new JObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JObject { ["id"] = BotId, ["name"] = name },
        };
        if (withText)
        {
            mention["text"] = text;
        }

        return mention;
    }

    public static JObject PersonMention(string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JObject { ["id"] = "29:" + name.Replace(' ', '-'), ["name"] = name },
    };

    public static JObject ConversationUpdate(Uri serviceUrl, string conversationId, string conversationType, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", serviceUrl, conversationId, conversationType);
        activity["membersAdded"] = new JArray(memberIds.Select(id => new JObject { ["id"] = id }));
        activity["channelData"]!["eventType"] = conversationType == "channel" ? "teamMemberAdded" : "conversationUpdate";
        return activity;
    }

    public static JObject Invoke(Uri serviceUrl, string name, JObject? value = null)
    {
        var activity = Base("invoke", serviceUrl, "a:personal-invoke-" + NewId(), "personal");
        activity["name"] = name;
        activity["value"] = value ?? new JObject();
        return activity;
    }

    private static JObject HtmlCopy(string text) => new()
    {
        ["contentType"] = "text/html",
        ["content"] = "<div><div>" + System.Net.WebUtility.HtmlEncode(text).Replace("&lt;at&gt;", "<span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">")
            .Replace("&lt;/at&gt;", "</span>") + "&nbsp;</div></div>",
    };

    private static JObject ClientInfo() => new()
    {
        ["type"] = "clientInfo",
        ["locale"] = "en-US",
        ["country"] = "US",
        ["platform"] = "Web",
        ["timezone"] = "Europe/Berlin",
    };

    private static JObject Base(string type, Uri serviceUrl, string conversationId, string conversationType) => new()
    {
        ["type"] = type,
        ["id"] = NewId(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["localTimestamp"] = DateTimeOffset.Now.ToString("O"),
        ["serviceUrl"] = serviceUrl.ToString(),
        ["channelId"] = "msteams",
        ["from"] = new JObject { ["id"] = UserId, ["name"] = "Ada Lovelace", ["aadObjectId"] = "6b0f2c9e-5a47-4b1e-9c2d-0d4a3e5f6a7b" },
        ["conversation"] = new JObject
        {
            ["isGroup"] = conversationType != "personal",
            ["conversationType"] = conversationType,
            ["tenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
            ["id"] = conversationId,
        },
        ["recipient"] = new JObject { ["id"] = BotId, ["name"] = BotName },
        ["locale"] = "en-US",
        ["channelData"] = new JObject
        {
            ["tenant"] = new JObject { ["id"] = "72f988bf-86f1-41af-91ab-2d7cd011db47" },
            ["team"] = conversationType == "channel" ? new JObject { ["id"] = "19:team-general@thread.tacv2" } : null,
            ["channel"] = conversationType == "channel" ? new JObject { ["id"] = "19:7f3c1b2a9d8e4f60@thread.tacv2" } : null,
        },
    };
}
