using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Content;

/// <summary>
/// The running host serves an edit as soon as every check that can refuse it has passed: the nearly-same-phrasings
/// check, which only warns and is the costly one with many topics, runs afterwards in the background, and its warnings
/// then appear in <c>GET /api/status</c> exactly as <c>validate</c> prints them.
/// </summary>
public sealed class DeferredWarningsTests : ReloadingHostTest
{
    private const string Topic = "topics/personal-penalties.yaml";

    [Fact]
    public async Task An_edit_is_served_before_the_phrasing_check_finishes_and_its_warning_appears_in_the_status_afterwards()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store.HoldPhrasingCheck = hold.Task;
        var served = Store.Current.Snapshot.Version.Hash;
        var path = Content.PathOf(Topic);
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        var at = lines.FindIndex(l => l.Trim() == "en:") + 1;
        lines.Insert(at, "    - is a paid vpn legal in china"); // personal-paid-vpn's first phrasing
        await File.WriteAllLinesAsync(path, lines);

        await ReloadAsync("the edit loaded", ContentReloads.LoadedOtherThan(served));

        Assert.Contains("is a paid vpn legal in china", Store.Current.Snapshot.Knowledge.Topics.Single(t => t.Id == "personal-penalties").Phrasings.Values.SelectMany(p => p));
        var pending = await StatusAsync();
        Assert.Equal("ok", (string?)pending["status"]);
        Assert.True((bool)pending["lastReload"]!["warningsPending"]!);
        Assert.DoesNotContain(pending["lastReload"]!["warnings"]!.Select(w => (string)w!), w => w.Contains("is the same as", StringComparison.Ordinal));
        Assert.False(Store.WarningsChecked.IsCompleted);
        Assert.Same(ComplianceBot.Core.Loading.ContentSources.None, Store.LastResult!.Sources); // the files' line maps are not kept by the host

        hold.SetResult();
        await Store.WarningsChecked.OrFailAsync("the phrasing check", () => "still running");

        var status = await StatusAsync();
        Assert.False((bool)status["lastReload"]!["warningsPending"]!);
        var validate = ComplianceBot.Core.Loading.ContentLoader.Load(Content.KnowledgePath, dialogsDirectory: Content.DialogsPath);
        Assert.Equal(
            validate.Messages.Where(m => m.Severity == ComplianceBot.Core.Validation.Severity.Warning).Select(ComplianceBot.Content.StatusEndpoint.WarningLine),
            status["lastReload"]!["warnings"]!.Select(w => (string)w!));
        Assert.Contains(status["lastReload"]!["warnings"]!.Select(w => (string)w!),
            w => w.StartsWith($"knowledge/{Topic}:{at + 1}:7: warning: phrasing 'is a paid vpn legal in china'", StringComparison.Ordinal)
                 && w.Contains("is the same as 'is a paid vpn legal in china'", StringComparison.Ordinal)); // the phrasing shown, so the author can act
    }

    [Fact]
    public async Task The_status_lists_the_first_warnings_as_validate_prints_them_and_counts_them_all()
    {
        var served = Store.Current.Snapshot.Version.Hash;
        var path = Content.PathOf(Topic);
        var lines = (await File.ReadAllLinesAsync(path)).ToList();
        var at = lines.FindIndex(l => l.Trim() == "en:") + 1;
        const int added = ComplianceBot.Content.StatusEndpoint.MaxWarningsListed + 50;
        // Each is personal-paid-vpn's first phrasing once normalised: one "is the same as" warning each.
        lines.InsertRange(at, Enumerable.Range(1, added).Select(n => "    - is a paid vpn legal in china" + new string('?', n)));
        await File.WriteAllLinesAsync(path, lines);

        await ReloadAsync("the edit loaded", ContentReloads.LoadedOtherThan(served));
        await Store.WarningsChecked.OrFailAsync("the phrasing check", () => "still running");

        var status = await StatusAsync();
        var validate = ComplianceBot.Core.Loading.ContentLoader.Load(Content.KnowledgePath, dialogsDirectory: Content.DialogsPath)
            .Messages.Where(m => m.Severity == ComplianceBot.Core.Validation.Severity.Warning).ToList();
        Assert.True(validate.Count >= added, $"validate printed {validate.Count} warnings");
        Assert.Equal(validate.Count, (int)status["lastReload"]!["warningCount"]!);
        Assert.Equal(
            validate.Take(ComplianceBot.Content.StatusEndpoint.MaxWarningsListed).Select(ComplianceBot.Content.StatusEndpoint.WarningLine),
            status["lastReload"]!["warnings"]!.Select(w => (string)w!));
    }
}
