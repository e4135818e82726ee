using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Matching;

namespace ComplianceBot.Core.Tests.Support;

/// <summary>The real content, loaded once for all tests that read it.</summary>
internal static class RealContent
{
    private static readonly Lazy<ServedContent> Content = new(() =>
    {
        var result = ContentLoader.Load(Repo.Knowledge);
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Messages));
        return ServedContent.Create(result.Content!, ShippedMatcherOptions());
    });

    /// <summary>The matcher settings of the repository's appsettings.json (what the product runs with).</summary>
    public static MatcherOptions ShippedMatcherOptions()
    {
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Repo.Root, "appsettings.json")));
        var section = json.RootElement.GetProperty(MatcherOptions.SectionName).GetRawText();
        return System.Text.Json.JsonSerializer.Deserialize<MatcherOptions>(section)!;
    }

    public static ServedContent Served => Content.Value;

    public static ComplianceAssistant Assistant() => new(new FixedContentProvider(Served));
}
