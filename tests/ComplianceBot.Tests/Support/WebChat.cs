using System.Text;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Support;

/// <summary>The web chat API as the page's Direct Line shim uses it: start a conversation, then post messages into it.</summary>
public static class WebChat
{
    /// <summary>Starts a conversation; returns its id and the headers later requests of this conversation carry.</summary>
    public static async Task<WebChatConversation> StartAsync(HttpClient client, string body = "{}")
    {
        using var response = await client.PostAsync("/api/webchat/conversations", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var json = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new WebChatConversation((string)json["conversationId"]!, (string?)json["token"]);
    }

    /// <summary>Starts a conversation and sends <paramref name="text"/>; returns the bot's replies to it.</summary>
    public static async Task<IReadOnlyList<JObject>> SendAsync(HttpClient client, string text)
    {
        var conversation = await StartAsync(client);
        var (status, body) = await conversation.PostAsync(client, new JObject { ["type"] = "message", ["text"] = text });
        Assert.Equal(200, status);
        return ((JArray)JObject.Parse(body)["activities"]!).OfType<JObject>().ToList();
    }
}

/// <summary>A started web chat conversation: its id and the token issued for it (null before tokens existed).</summary>
public sealed record WebChatConversation(string Id, string? Token)
{
    /// <summary>Posts <paramref name="activity"/> into the conversation with its token; returns the status and body.</summary>
    public async Task<(int Status, string Body)> PostAsync(HttpClient client, JObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webchat/conversations/{Id}/activities")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if ((token ?? Token) is { } bearer)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + bearer);
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
