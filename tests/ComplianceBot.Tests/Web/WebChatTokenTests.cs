using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Web;

/// <summary>A web chat conversation belongs to whoever started it: its token is required to post into it and see the answers.</summary>
public sealed class WebChatTokenTests : IAsyncLifetime
{
    private BotServer _server = null!;

    public async Task InitializeAsync() => _server = await BotServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Only_the_token_issued_with_the_conversation_lets_a_caller_post_into_it()
    {
        var mine = await WebChat.StartAsync(_server.Client);
        var theirs = await WebChat.StartAsync(_server.Client);
        var message = new JObject { ["type"] = "message", ["text"] = "is a paid vpn legal in china?" };

        var (withoutToken, refusal) = await (mine with { Token = null }).PostAsync(_server.Client, message);
        var (withTheirToken, _) = await mine.PostAsync(_server.Client, message, token: theirs.Token);
        var (withMine, answer) = await mine.PostAsync(_server.Client, message);

        Assert.Matches("^[A-Za-z0-9_-]{43}$", mine.Token);
        Assert.Equal((403, 403), (withoutToken, withTheirToken));
        Assert.Contains("token", (string?)JObject.Parse(refusal)["error"]);
        Assert.Equal(200, withMine);
        Assert.Equal("personal-paid-vpn", (string?)JObject.Parse(answer)["activities"]![0]!["value"]!["id"]);
    }
}
