using ComplianceBot.Slack;
using ComplianceBot.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace ComplianceBot.Tests.Slack;

/// <summary>The Slack app manifest in the repository matches what the adapter serves and needs.</summary>
public sealed class SlackAppManifestTests
{
    private static YamlMappingNode Load()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Repo.File("deploy", "slack", "app-manifest.yaml"))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string[] Strings(YamlNode node) => ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    [Fact]
    public void The_request_urls_point_at_the_adapters_routes()
    {
        var manifest = Load();

        Assert.EndsWith(SlackEndpoints.EventsRoute, ((YamlScalarNode)At(manifest, "settings", "event_subscriptions", "request_url")).Value);
        Assert.EndsWith(SlackEndpoints.InteractionsRoute, ((YamlScalarNode)At(manifest, "settings", "interactivity", "request_url")).Value);
        Assert.Equal("true", ((YamlScalarNode)At(manifest, "settings", "interactivity", "is_enabled")).Value);
    }

    [Fact]
    public void Each_subscribed_event_has_its_scope_and_replies_can_be_posted()
    {
        var manifest = Load();
        var events = Strings(At(manifest, "settings", "event_subscriptions", "bot_events"));
        var scopes = Strings(At(manifest, "oauth_config", "scopes", "bot"));

        Assert.Equal(["app_mention", "message.im"], events);
        Assert.Contains("app_mentions:read", scopes);
        Assert.Contains("im:history", scopes);
        Assert.Contains("chat:write", scopes);
    }
}
