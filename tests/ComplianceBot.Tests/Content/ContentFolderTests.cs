using ComplianceBot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace ComplianceBot.Tests.Content;

/// <summary>
/// Whole content folders deleted, restored and replaced under a running host (as a deployment or a careless clean-up
/// does), again and again: each change is loaded within one poll interval of a fake clock, and while a folder is
/// missing the last good content keeps answering and <c>GET /api/status</c> says what is wrong.
/// </summary>
public sealed class ContentFolderTests : ReloadingHostTest
{
    private const int Rounds = 5; // each round deletes, restores and replaces both folders: 30 changes in all
    private const string Question = "what are the penalties for individuals";
    private const string AnswerLine = "**Using an unauthorised channel can bring administrative penalties:";
    private const string DialogQuestion = "Where are you travelling to?";

    [Fact]
    public async Task Deleting_restoring_and_replacing_either_folder_is_noticed_every_time_and_the_last_good_content_serves_meanwhile()
    {
        for (var round = 1; round <= Rounds; round++)
        {
            var knowledge = $"(knowledge {round}a)";
            await DeleteAsync(Content.KnowledgePath, "cannot read content: Knowledge folder not found");
            await RestoreAsync(Content.KnowledgePath, knowledge, KnowledgeVariant);
            Assert.Contains(AnswerLine.TrimEnd(':') + " " + knowledge, await AnswerAsync());

            knowledge = $"(knowledge {round}b)";
            await ReplaceAsync(Content.KnowledgePath, knowledge, KnowledgeVariant);
            Assert.Contains(AnswerLine.TrimEnd(':') + " " + knowledge, await AnswerAsync());

            var dialogs = $"(dialogs {round}a)";
            await DeleteAsync(Content.DialogsPath, "dialogs folder not found");
            await RestoreAsync(Content.DialogsPath, dialogs, DialogsVariant);
            Assert.Contains(DialogQuestion.TrimEnd('?') + " " + dialogs, await FirstDialogQuestionAsync(round));

            dialogs = $"(dialogs {round}b)";
            await ReplaceAsync(Content.DialogsPath, dialogs, DialogsVariant);
            Assert.Contains(DialogQuestion.TrimEnd('?') + " " + dialogs, await FirstDialogQuestionAsync(round));
        }
    }

    /// <summary>Deletes <paramref name="folder"/>: the reload fails with <paramref name="error"/>, and the last good content still answers.</summary>
    private async Task DeleteAsync(string folder, string error)
    {
        var served = Store.Current.Snapshot.Version.ShortHash;
        var answer = await AnswerAsync();
        var dialogQuestion = await FirstDialogQuestionAsync(0);

        Directory.Delete(folder, recursive: true);
        await ReloadAsync($"{Path.GetFileName(folder)} deleted", ContentReloads.FailedWith(error));

        var status = await StatusAsync();
        Assert.Equal("degraded", (string?)status["status"]);
        Assert.Equal(served, (string?)status["content"]!["shortHash"]);
        Assert.Contains(status["lastReload"]!["errors"]!, e => ((string)e!).Contains(error, StringComparison.Ordinal));
        Assert.Equal(answer, await AnswerAsync());
        Assert.Equal(dialogQuestion, await FirstDialogQuestionAsync(0));
    }

    /// <summary>Creates the missing <paramref name="folder"/> again (a changed copy, moved into place): it is served.</summary>
    private async Task RestoreAsync(string folder, string marker, Action<string, string> change)
    {
        var served = Store.Current.Snapshot.Version.Hash;
        var copy = CopyOf(Path.GetFileName(folder), marker, change);

        Directory.Move(copy, folder);
        await ReloadAsync($"{Path.GetFileName(folder)} restored with {marker}", ContentReloads.LoadedOtherThan(served));
        Assert.Equal("ok", (string?)(await StatusAsync())["status"]);
    }

    /// <summary>Swaps <paramref name="folder"/> for a changed copy (the old one moved aside, then deleted): the copy is served.</summary>
    private async Task ReplaceAsync(string folder, string marker, Action<string, string> change)
    {
        var served = Store.Current.Snapshot.Version.Hash;
        var copy = CopyOf(Path.GetFileName(folder), marker, change);

        Directory.Move(folder, folder + ".old");
        Directory.Move(copy, folder);
        Directory.Delete(folder + ".old", recursive: true);
        await ReloadAsync($"{Path.GetFileName(folder)} replaced by {marker}", ContentReloads.LoadedOtherThan(served));
        Assert.Equal("ok", (string?)(await StatusAsync())["status"]);
    }

    /// <summary>A copy of the repository's <paramref name="name"/> folder beside the served ones, changed by <paramref name="change"/>.</summary>
    private string CopyOf(string name, string marker, Action<string, string> change)
    {
        var copy = Path.Combine(Content.Root, name + ".new");
        Repo.CopyFolder(Repo.File(name), copy);
        change(copy, marker);
        return copy;
    }

    private static void KnowledgeVariant(string knowledge, string marker) =>
        ReplaceIn(Path.Combine(knowledge, "topics", "personal-penalties.yaml"), AnswerLine, AnswerLine.TrimEnd(':') + " " + marker + ":");

    private static void DialogsVariant(string dialogs, string marker) =>
        ReplaceIn(Path.Combine(dialogs, "travel-check.yaml"), DialogQuestion, DialogQuestion.TrimEnd('?') + " " + marker + "?");

    private static void ReplaceIn(string path, string old, string replacement)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(old, text);
        File.WriteAllText(path, text.Replace(old, replacement, StringComparison.Ordinal));
    }

    private async Task<string> AnswerAsync()
    {
        var (status, replies) = await Server.SendAsync(Activities.Message(Question, "folders-" + Guid.NewGuid().ToString("N")));
        Assert.Equal(200, status);
        return (string?)Assert.Single(replies)["text"] ?? string.Empty;
    }

    /// <summary>Starts the travel check in a new conversation and returns its first question.</summary>
    private async Task<string> FirstDialogQuestionAsync(int round)
    {
        var (status, replies) = await Server.SendAsync(Activities.Message(null, $"folders-dialog-{round}-{Guid.NewGuid():N}", new JObject { ["start"] = "travel-check" }));
        Assert.Equal(200, status);
        var prompt = replies.Single(r => r["value"] is JObject);
        Assert.Equal("prompt", (string?)prompt["value"]!["type"]);
        return string.Join("\n", replies.Select(r => (string?)r["text"]));
    }
}
