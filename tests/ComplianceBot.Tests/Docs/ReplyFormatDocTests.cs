using System.Text.RegularExpressions;
using ComplianceBot.Core.Dialogs;
using ComplianceBot.Core.Loading;
using ComplianceBot.Tests.Support;

namespace ComplianceBot.Tests.Docs;

/// <summary>
/// docs/reply-format.md is the project's statement of the ids other programs read from replies: each topic id, dialog
/// id, slot id, value id and verdict id it names exists in the content, and the content has none it does not name.
/// </summary>
public sealed partial class ReplyFormatDocTests
{
    private static readonly string[] Lines = File.ReadAllLines(Path.Combine(Repo.Root, "docs", "reply-format.md"));

    private static readonly Lazy<ComplianceBot.Core.Knowledge.ContentSnapshot> Content = new(() =>
    {
        var result = ContentLoader.Load(Path.Combine(Repo.Root, "knowledge"), dialogsDirectory: Path.Combine(Repo.Root, "dialogs"));
        Assert.False(result.HasErrors, string.Join('\n', result.Messages));
        return result.Content!;
    });

    [Fact]
    public void The_topic_ids_are_exactly_those_of_the_knowledge_base()
    {
        var documented = FirstColumnIds(Section("## Topic ids", "## ")).ToList();

        Assert.Equal(documented.Distinct().Count(), documented.Count);
        AssertSameIds("topic", documented, Content.Value.Knowledge.Topics.Select(t => t.Id), "knowledge/topics/");
    }

    [Fact]
    public void The_dialog_ids_are_exactly_those_of_the_dialogs_folder()
    {
        AssertSameIds("dialog", DialogSections().Select(d => d.Id), Content.Value.Dialogs.Select(d => d.Id), "dialogs/");
    }

    [Fact]
    public void Each_dialog_has_the_slots_and_values_the_document_lists()
    {
        foreach (var (id, lines) in DialogSections())
        {
            var dialog = Content.Value.FindDialog(id);
            Assert.True(dialog is not null, $"docs/reply-format.md names dialog '{id}', which is not in dialogs/");
            var documented = lines.Select(l => Row().Match(l)).Where(m => m.Success)
                .ToDictionary(m => m.Groups["id"].Value, m => BacktickedIds(m.Groups["rest"].Value).Order(StringComparer.Ordinal).ToList());
            AssertSameIds($"slot of {id}", documented.Keys, dialog.Slots.Select(s => s.Id), $"dialogs/{id}.yaml");
            foreach (var slot in dialog.Slots)
            {
                Assert.True(slot.Choices.Select(c => c.Value).Order(StringComparer.Ordinal).SequenceEqual(documented[slot.Id]),
                    $"slot '{slot.Id}' of {id}: docs/reply-format.md lists values {string.Join(", ", documented[slot.Id])}; "
                    + $"dialogs/{id}.yaml has {string.Join(", ", slot.Choices.Select(c => c.Value).Order(StringComparer.Ordinal))}");
            }
        }
    }

    [Fact]
    public void The_verdicts_are_the_four_the_dialogs_use()
    {
        Assert.Equal(Verdicts.All, FirstColumnIds(Section("### Verdicts", "### ")));
    }

    private static IEnumerable<string> Section(string heading, string nextHeadingPrefix)
    {
        var start = Array.FindIndex(Lines, l => l.Trim() == heading);
        Assert.True(start >= 0, $"docs/reply-format.md has no heading '{heading}'");
        return Lines.Skip(start + 1).TakeWhile(l => !l.StartsWith(nextHeadingPrefix, StringComparison.Ordinal));
    }

    private static IEnumerable<(string Id, List<string> Lines)> DialogSections()
    {
        var section = Section("## Decision dialogs", "## ").ToList();
        for (var i = 0; i < section.Count; i++)
        {
            var heading = DialogHeading().Match(section[i]);
            if (heading.Success)
            {
                yield return (heading.Groups["id"].Value, section.Skip(i + 1).TakeWhile(l => !l.StartsWith("### ", StringComparison.Ordinal)).ToList());
            }
        }
    }

    private static IEnumerable<string> FirstColumnIds(IEnumerable<string> lines) =>
        lines.Select(l => Row().Match(l)).Where(m => m.Success).Select(m => m.Groups["id"].Value);

    private static IEnumerable<string> BacktickedIds(string text) => Backticked().Matches(text).Select(m => m.Groups["id"].Value);

    private static void AssertSameIds(string what, IEnumerable<string> documented, IEnumerable<string> content, string where)
    {
        var doc = documented.ToHashSet(StringComparer.Ordinal);
        var actual = content.ToHashSet(StringComparer.Ordinal);
        var missing = doc.Except(actual).Order(StringComparer.Ordinal).ToList();
        var undocumented = actual.Except(doc).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && undocumented.Count == 0,
            $"{what} ids: in docs/reply-format.md but not in {where}: [{string.Join(", ", missing)}]; "
            + $"in {where} but not in docs/reply-format.md: [{string.Join(", ", undocumented)}] (a new one is welcome: add it to the document)");
    }

    [GeneratedRegex(@"^\|\s*`(?<id>[a-z0-9-]+)`\s*\|(?<rest>.*)$")]
    private static partial Regex Row();

    [GeneratedRegex(@"^###\s+`(?<id>[a-z0-9-]+)`\s*$")]
    private static partial Regex DialogHeading();

    [GeneratedRegex(@"`(?<id>[a-z0-9-]+)`")]
    private static partial Regex Backticked();
}
