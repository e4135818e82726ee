using System.Text.RegularExpressions;
using ComplianceBot.Core.Conversation.Scripts;

namespace ComplianceBot.Tests.Support;

/// <summary>
/// A temporary copy of the repository's knowledge/ and dialogs/ folders that tests may change as a deployment would
/// (bump a dialog's version, remove a dialog) and restore afterwards.
/// </summary>
public sealed partial class ContentWorkspace : IDisposable
{
    public ContentWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "cb-content-" + Guid.NewGuid().ToString("N"));
        Restore();
    }

    public string Root { get; }

    public string Knowledge => Path.Combine(Root, "knowledge");

    public string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>
    /// Settings that point a <see cref="BotServer"/> at this copy, with hot reload off: whoever changes the copy reloads
    /// the store itself (<see cref="HttpConversationDriver"/>), and a watcher of its own could otherwise reload halfway
    /// through <see cref="Restore"/> and serve half-copied content to the next script.
    /// </summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Content:KnowledgePath"] = Knowledge,
        ["Content:DialogsPath"] = Dialogs,
        ["Content:WatchForChanges"] = "false",
    };

    [GeneratedRegex(@"^version:\s*(\d+)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    /// <summary>Applies <paramref name="change"/> to the files.</summary>
    public void Apply(ContentChange change)
    {
        var file = Path.Combine(Dialogs, change.DialogId + ".yaml");
        if (change.Kind == ContentChangeKind.BumpVersion)
        {
            var text = File.ReadAllText(file);
            File.WriteAllText(file, VersionLine().Replace(text, m => $"version: {int.Parse(m.Groups[1].Value) + 1}", 1));
            return;
        }

        File.Delete(file);
        foreach (var topic in Directory.EnumerateFiles(Path.Combine(Knowledge, "topics"), "*.yaml"))
        {
            var lines = File.ReadAllLines(topic);
            var kept = lines.Where(l => l.Trim() != $"offers: [dialog:{change.DialogId}]").ToArray();
            if (kept.Length != lines.Length)
            {
                File.WriteAllLines(topic, kept);
            }
        }
    }

    /// <summary>Makes the copy identical to the repository's content again.</summary>
    public void Restore()
    {
        foreach (var folder in new[] { "knowledge", "dialogs" })
        {
            var target = Path.Combine(Root, folder);
            if (Directory.Exists(target))
            {
                Directory.Delete(target, recursive: true);
            }

            Repo.CopyFolder(Repo.File(folder), target);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
