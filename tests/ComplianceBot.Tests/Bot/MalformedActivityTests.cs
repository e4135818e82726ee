using System.Net;
using System.Text;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// Activities with a standard field of the wrong shape, posted to <c>/api/messages</c>: each gets 400 with a reason
/// that names the field (never a 500, never the SDK's empty 400), and the conversation carries on.
/// </summary>
public sealed class MalformedActivityTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Error)> PostAsync(string body, string contentType = "application/json")
    {
        using var response = await _server.Client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.TrimStart().StartsWith('{') ? (string?)JObject.Parse(text)["error"] : null);
    }

    /// <summary>A valid expectReplies message with <paramref name="field"/> set to the JSON <paramref name="value"/>.</summary>
    private static string With(string field, string value, string conversation = "malformed-1")
    {
        var activity = Activities.Message("is a paid vpn legal", conversation);
        activity["deliveryMode"] = "expectReplies";
        var target = activity;
        var path = field.Split('.');
        foreach (var name in path[..^1])
        {
            target = (JObject)target[name]!;
        }

        target[path[^1]] = JToken.Parse(value);
        return activity.ToString();
    }

    [Theory]
    // Crashed with 500 before: the validator or the SDK threw.
    [InlineData("conversation", "\"string\"")]
    [InlineData("conversation", "123")]
    [InlineData("conversation", "true")]
    [InlineData("conversation", "[]")]
    [InlineData("conversation", "null")]
    [InlineData("serviceUrl", "\"string\"")]
    [InlineData("serviceUrl", "\"not a url\"")]
    [InlineData("serviceUrl", "123")]
    [InlineData("serviceUrl", "true")]
    [InlineData("serviceUrl", "null")]
    [InlineData("serviceUrl", "\"ftp://example.com/\"")]
    [InlineData("deliveryMode", "[]")]
    [InlineData("deliveryMode", "{}")]
    [InlineData("deliveryMode", "[1, \"x\"]")]
    [InlineData("deliveryMode", "\"sometimes\"")]
    // Got the SDK's 400 with an empty body before.
    [InlineData("recipient", "\"bot\"")]
    [InlineData("recipient", "[1, \"x\"]")]
    [InlineData("from.id", "[]")]
    [InlineData("conversation.id", "{\"a\": 1}")]
    [InlineData("entities", "\"string\"")]
    [InlineData("entities", "{}")]
    [InlineData("entities", "[\"x\"]")]
    [InlineData("attachments", "true")]
    [InlineData("attachments", "[\"x\"]")]
    [InlineData("timestamp", "\"not-a-date\"")]
    [InlineData("timestamp", "123")]
    [InlineData("localTimestamp", "{}")]
    [InlineData("id", "[]")]
    [InlineData("id", "123")]
    [InlineData("locale", "{}")]
    [InlineData("locale", "true")]
    [InlineData("textFormat", "[]")]
    [InlineData("replyToId", "{}")]
    [InlineData("suggestedActions", "\"yes\"")]
    [InlineData("membersAdded", "{}")]
    [InlineData("expiration", "true")]
    [InlineData("historyDisclosed", "\"yes\"")]
    public async Task A_field_of_the_wrong_shape_gets_400_naming_the_field(string field, string value)
    {
        var (status, error) = await PostAsync(With(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(error);
        Assert.Contains($"'{field}", error);
        Assert.Contains("must be", error);
    }

    [Theory]
    [InlineData("entities", "[{\"type\": \"mention\", \"mentioned\": \"bob\", \"text\": \"<at>bob</at>\"}]", "entities[0].mentioned")]
    [InlineData("entities", "[{\"type\": 1}]", "entities[0].type")]
    [InlineData("attachments", "[{\"contentType\": 5, \"content\": \"x\"}]", "attachments[0].contentType")]
    [InlineData("attachments", "[null]", "attachments[0]")]
    public async Task A_wrong_field_inside_an_array_is_named_by_its_path(string field, string value, string path)
    {
        var (status, error) = await PostAsync(With(field, value));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"'{path}' must be", error);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"   \"")]
    public async Task A_blank_conversation_id_gets_400_instead_of_sharing_one_conversation(string id)
    {
        var (status, error) = await PostAsync(With("conversation.id", id));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'conversation.id'", error);
    }

    [Fact]
    public async Task A_missing_service_url_gets_400_even_with_expect_replies()
    {
        var activity = JObject.Parse(With("text", "\"hi\""));
        activity.Remove("serviceUrl");

        var (status, error) = await PostAsync(activity.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'serviceUrl' is missing", error);
    }

    [Fact]
    public async Task A_date_the_shape_check_accepts_but_the_sdk_cannot_read_gets_400_with_its_path()
    {
        var (status, error) = await PostAsync(With("timestamp", "\"2026-11-29T25:00:00Z\""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'timestamp'", error);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task A_body_that_is_not_declared_as_json_gets_415_with_a_reason(string contentType)
    {
        var (status, error) = await PostAsync(With("text", "\"is a paid vpn legal\""), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, status);
        Assert.Contains("application/json", error);
    }

    [Theory]
    [InlineData("conversation", "\"string\"")]
    [InlineData("serviceUrl", "\"not a url\"")]
    [InlineData("deliveryMode", "[]")]
    [InlineData("entities", "[\"x\"]")]
    public async Task The_conversation_carries_on_after_a_malformed_activity_for_it(string field, string value)
    {
        var conversation = "carry-on-" + Guid.NewGuid().ToString("N");
        var (_, first) = await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));
        var (status, _) = await PostAsync(With(field, value, conversation));
        var (_, second) = await _server.SendAsync(Activities.Message("what are the penalties for individuals", conversation));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("not legal advice", (string?)first.Single()["text"]);
        Assert.DoesNotContain("not legal advice", (string?)second.Single()["text"]); // same conversation state as before
    }
}
