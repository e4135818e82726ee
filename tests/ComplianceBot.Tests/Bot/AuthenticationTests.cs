using System.Net;
using System.Text;
using ComplianceBot.Hosting;
using ComplianceBot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// With MicrosoftAppId/MicrosoftAppPassword configured, /api/messages refuses requests without a valid channel token;
/// without them it is open, but to callers on this machine only.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private BotServer _bot = null!;
    private RecordingServer _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingServer.StartAsync();
        _bot = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = "0b5e4a1c-6d2f-4c44-9a3e-2f8f0c1d7e11",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, string?> Credentials => new()
    {
        { "no Authorization header", null },
        { "not a JWT", "Bearer this-is-not-a-token" },
        { "a JWT from an issuer the Bot Framework does not trust", "Bearer " + UnsignedJwt("https://login.example.invalid/", "0b5e4a1c-6d2f-4c44-9a3e-2f8f0c1d7e11") },
        { "Basic credentials", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("user:password")) },
    };

    [Theory]
    [MemberData(nameof(Credentials))]
    public async Task A_request_without_a_valid_channel_token_is_refused_with_401_and_never_answered(string what, string? authorization)
    {
        var (status, _) = await _bot.PostAsync(TeamsActivities.PersonalMessage(_connector.Address, "hello", "a:auth-" + TeamsActivities.NewId()), authorization);

        Assert.True(status == 401, $"{what}: got {status}");
        Assert.Empty(_connector.Requests);
    }

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("10.20.30.40", false, false)]
    [InlineData("203.0.113.7", false, false)]
    [InlineData("203.0.113.7", true, true)]
    public void Unauthenticated_endpoints_answer_loopback_callers_unless_opened(string remote, bool allowRemote, bool allowed)
    {
        var access = new LocalAccess(Options.Create(new HostingOptions { AllowRemoteWithoutAuthentication = allowRemote }));
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);

        Assert.Equal(allowed, access.Allows(context));
    }

    private static string UnsignedJwt(string issuer, string audience)
    {
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var expires = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return Part("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}") + "." + Part($"{{\"iss\":\"{issuer}\",\"aud\":\"{audience}\",\"exp\":{expires}}}") + ".c2lnbmF0dXJl";
    }
}
