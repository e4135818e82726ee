using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Content;

/// <summary>
/// Editing the knowledge under a running host: a valid edit changes the next answer within one poll interval, with no
/// restart and the conversation kept; an invalid edit leaves answers unchanged and shows in <c>GET /api/status</c>.
/// The host runs on a fake clock: each test changes the files, moves the clock on by one poll interval and waits for
/// the reload through the content store's signal.
/// </summary>
public sealed class HotReloadTests : ReloadingHostTest
{
    private const string Question = "what are the penalties for individuals";
    private const string Topic = "topics/personal-penalties.yaml";
    private const string OriginalFirstLine = "**Using an unauthorised channel can bring administrative penalties:";

    [Fact]
    public async Task A_valid_edit_changes_the_next_answer_without_a_restart_and_the_conversation_goes_on()
    {
        var before = await AskAsync();
        Assert.Contains(OriginalFirstLine, Text(before));
        Assert.Contains("General guidance, not legal advice.", Text(before)); // shown once per conversation
        var versionBefore = (string)before["value"]!["contentVersion"]!;

        var served = Store.Current.Snapshot.Version.Hash;
        EditAnswer("**Individuals risk a warning, a fine and a cut connection (edited).**");

        await ReloadAsync("the edit loaded", ContentReloads.LoadedOtherThan(served));
        var after = await AskAsync();
        Assert.Contains("(edited)", Text(after));
        Assert.Equal("personal-penalties", (string?)after["value"]!["id"]);
        Assert.DoesNotContain("General guidance, not legal advice.", Text(after)); // same conversation: its state survived the reload
        var versionAfter = (string)after["value"]!["contentVersion"]!;
        Assert.NotEqual(versionBefore, versionAfter);

        var status = await StatusAsync();
        Assert.Equal("ok", (string?)status["status"]);
        Assert.Equal(versionAfter, (string?)status["content"]!["shortHash"]);
        Assert.Empty((JArray)status["lastReload"]!["errors"]!);
    }

    [Fact]
    public async Task An_edit_saved_by_renaming_a_temporary_file_over_the_original_is_picked_up()
    {
        var served = Store.Current.Snapshot.Version.Hash;
        var path = Content.PathOf(Topic);
        var temporary = path + ".tmp~";
        await File.WriteAllTextAsync(temporary, (await File.ReadAllTextAsync(path)).Replace(OriginalFirstLine, "**Saved via rename:"));
        File.Move(temporary, path, overwrite: true);

        await ReloadAsync("the renamed file loaded", ContentReloads.LoadedOtherThan(served));

        var after = await AskAsync();
        Assert.Contains("Saved via rename:", Text(after));
        Assert.Equal("personal-penalties", (string?)after["value"]!["id"]);
    }

    [Fact]
    public async Task An_invalid_edit_keeps_the_last_good_answers_and_the_status_endpoint_shows_the_error()
    {
        var before = await AskAsync();
        var served = (string)(await StatusAsync())["content"]!["hash"]!;
        var path = Content.PathOf(Topic);
        var firstReviewBy = Array.FindIndex(await File.ReadAllLinesAsync(path), l => l.StartsWith("review_by:", StringComparison.Ordinal)) + 1;
        await File.AppendAllTextAsync(path, "review_by: 2030-01-01\n");
        EditAnswer("**This text must never be served.**");
        var line = (await File.ReadAllLinesAsync(path)).Length;

        await ReloadAsync("the duplicate key reported", ContentReloads.FailedWith("duplicate key 'review_by'"));

        var status = await StatusAsync();
        Assert.Equal("degraded", (string?)status["status"]);
        Assert.Equal(served, (string?)status["content"]!["hash"]); // still the last good content
        Assert.False((bool)status["lastReload"]!["succeeded"]!);
        Assert.Equal(
            [$"knowledge/topics/personal-penalties.yaml:{line}:1: error: duplicate key 'review_by' (first on line {firstReviewBy}); keep one of them"],
            status["lastReload"]!["errors"]!.Select(e => (string)e!));
        var after = await AskAsync();
        Assert.Contains(OriginalFirstLine, Text(after));
        Assert.Equal((string?)before["value"]!["contentVersion"], (string?)after["value"]!["contentVersion"]);

        // fixing the file recovers
        await File.WriteAllLinesAsync(path, (await File.ReadAllLinesAsync(path))[..^1]);
        await ReloadAsync("the fixed file loaded", ContentReloads.LoadedOtherThan(served));
        var fixedStatus = await StatusAsync();
        Assert.Equal("ok", (string?)fixedStatus["status"]);
        Assert.NotEqual(served, (string?)fixedStatus["content"]!["hash"]);
        Assert.Contains("This text must never be served.", Text(await AskAsync()));
    }

    [Fact]
    public async Task A_deleted_out_of_scope_file_is_refused_on_reload_and_the_last_good_content_keeps_serving()
    {
        var served = (string)(await StatusAsync())["content"]!["hash"]!;
        var path = Content.PathOf("out-of-scope.yaml");
        var saved = await File.ReadAllTextAsync(path);
        File.Delete(path);

        await ReloadAsync("the missing file reported", ContentReloads.FailedWith("required file missing"));

        var status = await StatusAsync();
        Assert.Equal("degraded", (string?)status["status"]);
        Assert.Equal(served, (string?)status["content"]!["hash"]);
        Assert.Equal("not configured", (string?)status["content"]!["complianceContact"]);
        Assert.Contains(status["lastReload"]!["errors"]!.Select(e => (string)e!), e => e.StartsWith("knowledge/out-of-scope.yaml:0:0: error: required file missing", StringComparison.Ordinal));
        Assert.Contains(OriginalFirstLine, Text(await AskAsync()));

        await File.WriteAllTextAsync(path, saved);
        await ReloadAsync("the restored file loaded", ContentReloads.LoadedOtherThan("none"));
        Assert.Equal("ok", (string?)(await StatusAsync())["status"]);
    }

    [Fact]
    public async Task A_dialog_edit_is_watched_too_and_a_broken_rule_is_reported_while_the_last_good_dialogs_stay()
    {
        var path = Path.Combine(Content.DialogsPath, "client-access-check.yaml");
        var text = await File.ReadAllTextAsync(path);
        Assert.Contains("verdict: not-permitted", text);
        await File.WriteAllTextAsync(path, ReplaceFirst(text, "verdict: not-permitted", "verdict: forbidden"));
        var line = Array.FindIndex(await File.ReadAllLinesAsync(path), l => l.Contains("verdict: forbidden", StringComparison.Ordinal)) + 1;

        await ReloadAsync("the unknown verdict reported", ContentReloads.FailedWith("unknown verdict 'forbidden'"));

        var status = await StatusAsync();
        Assert.Equal("degraded", (string?)status["status"]);
        Assert.Contains($"dialogs/client-access-check.yaml:{line}:14: error: unknown verdict 'forbidden'",
            status["lastReload"]!["errors"]!.Select(e => (string)e!).Single());
        var (_, prompt) = await Server.SendAsync(Activities.Message(null, "dialog-reload", new JObject { ["start"] = "client-access-check" }));
        var (_, verdict) = await Server.SendAsync(Activities.Message(null, "dialog-reload", new JObject { ["slot"] = "charging", ["choice"] = "yes" }));
        Assert.Equal("prompt", (string?)prompt.Single(r => r["value"] is JObject)["value"]!["type"]);
        Assert.Equal("not-permitted", (string?)verdict.Single(r => r["value"] is JObject)["value"]!["verdict"]); // the last good rule
    }

    [Fact]
    public async Task A_deleted_dialogs_folder_is_a_reload_error_and_the_last_good_dialogs_stay()
    {
        Directory.Delete(Content.DialogsPath, recursive: true);

        await ReloadAsync("the missing dialogs folder reported", ContentReloads.FailedWith("dialogs folder not found"));

        var status = await StatusAsync();
        Assert.Equal("degraded", (string?)status["status"]);
        Assert.Contains(status["lastReload"]!["errors"]!, e => ((string)e!).StartsWith("dialogs:0:0: error: dialogs folder not found", StringComparison.Ordinal));
        Assert.Equal(4, (int)status["content"]!["dialogs"]!);
        var (_, prompt) = await Server.SendAsync(Activities.Message(null, "dialogs-gone", new JObject { ["start"] = "travel-check" }));
        Assert.Equal("prompt", (string?)prompt.Single(r => r["value"] is JObject)["value"]!["type"]);
    }

    private static string ReplaceFirst(string text, string old, string replacement)
    {
        var at = text.IndexOf(old, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + old.Length)..];
    }

    private void EditAnswer(string firstLine)
    {
        var path = Content.PathOf(Topic);
        var lines = File.ReadAllLines(path);
        var index = Array.FindIndex(lines, l => l.TrimStart().StartsWith("**", StringComparison.Ordinal));
        lines[index] = "    " + firstLine;
        File.WriteAllLines(path, lines);
    }

    private async Task<JObject> AskAsync()
    {
        var (status, replies) = await Server.SendAsync(Activities.Message(Question, "hot-reload"));
        Assert.Equal(200, status);
        return Assert.Single(replies);
    }

    private static string Text(JObject reply) => (string?)reply["text"] ?? string.Empty;
}
