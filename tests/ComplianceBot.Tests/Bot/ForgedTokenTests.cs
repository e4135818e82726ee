using System.Security.Cryptography;
using System.Text;
using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Bot;

/// <summary>
/// Forged Bot Framework tokens that claim the Bot Framework's issuer make the SDK fetch the identity metadata; when it
/// cannot be fetched the caller gets 503 with the reason (never an empty 500), and nothing is answered.
/// </summary>
public sealed class ForgedTokenTests : IAsyncLifetime
{
    private const string AppId = "0b5e4a1c-6d2f-4c44-9a3e-2f8f0c1d7e11";
    private const string AppPassword = "not-a-real-secret";
    private BotServer _bot = null!;
    private RecordingServer _connector = null!;

    public async Task InitializeAsync()
    {
        _connector = await RecordingServer.StartAsync();
        _bot = await BotServer.StartAsync(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = AppPassword,
            ["ToBotFromChannelOpenIdMetadataUrl"] = "http://127.0.0.1:1/v1/.well-known/openidconfiguration", // nothing listens there
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = "http://127.0.0.1:1/v2.0/.well-known/openid-configuration",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    public static TheoryData<string, string> Tokens => new()
    {
        { "alg none", Jwt("{\"alg\":\"none\",\"typ\":\"JWT\"}", Claims(hours: 1), _ => "") },
        { "HS256 signed with the app password", Jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", Claims(hours: 1), data => Part(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppPassword), data))) },
        { "expired", Jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", Claims(hours: -2), _ => "c2lnbmF0dXJl") },
        { "a bogus jku", Jwt("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\",\"jku\":\"https://keys.example.invalid/jwks\"}", Claims(hours: 1), _ => "c2lnbmF0dXJl") },
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task A_forged_token_gets_401_or_503_with_a_reason_never_an_empty_500(string what, string token)
    {
        var (status, body) = await _bot.PostAsync(TeamsActivities.PersonalMessage(_connector.Address, "hello", "a:forged-" + TeamsActivities.NewId()), "Bearer " + token);

        Assert.True(status is 401 or 503, $"{what}: got {status} {body}");
        if (status == 503)
        {
            Assert.StartsWith("The channel token could not be validated", (string?)JObject.Parse(body)["error"]);
        }

        Assert.Empty(_connector.Requests);
    }

    private static string Claims(int hours) =>
        $"{{\"iss\":\"https://api.botframework.com\",\"aud\":\"{AppId}\",\"serviceurl\":\"http://127.0.0.1:1/\",\"nbf\":{DateTimeOffset.UtcNow.AddHours(hours - 3).ToUnixTimeSeconds()},\"exp\":{DateTimeOffset.UtcNow.AddHours(hours).ToUnixTimeSeconds()}}}";

    private static string Jwt(string header, string claims, Func<byte[], string> sign)
    {
        var data = Part(Encoding.UTF8.GetBytes(header)) + "." + Part(Encoding.UTF8.GetBytes(claims));
        return data + "." + sign(Encoding.ASCII.GetBytes(data));
    }

    private static string Part(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
