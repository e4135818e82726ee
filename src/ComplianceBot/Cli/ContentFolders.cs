using System.CommandLine;
using ComplianceBot.Core.Loading;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// The content folders a command reads, resolved the one way every command resolves them: given on the command line
/// (<see cref="ContentFolderOptions"/>), else from configuration (<c>Content:KnowledgePath</c> and
/// <c>Content:DialogsPath</c> of <c>appsettings.json</c>, normally <c>./knowledge</c> and <c>./dialogs</c>).
/// </summary>
/// <param name="KnowledgePath">Absolute path of the knowledge folder.</param>
/// <param name="DialogsPath">Absolute path of the dialogs folder.</param>
public sealed record ContentFolders(string KnowledgePath, string DialogsPath)
{
    /// <summary>
    /// The folders for <paramref name="knowledge"/> and <paramref name="dialogs"/> (either may be null). A knowledge
    /// folder without a dialogs folder uses the <c>dialogs</c> folder next to it when there is one (a copy of the
    /// repository works as a whole), else the configured dialogs folder; a dialogs folder without a knowledge folder
    /// goes with the configured knowledge folder.
    /// </summary>
    /// <exception cref="ContentFolderNotFoundException">A folder does not exist (knowledge first).</exception>
    public static ContentFolders Resolve(DirectoryInfo? knowledge, DirectoryInfo? dialogs)
    {
        var configured = ConsoleServices.ContentPaths();
        ContentFolders folders;
        if (knowledge is not null)
        {
            var parent = Path.GetDirectoryName(knowledge.FullName.TrimEnd(Path.DirectorySeparatorChar)) ?? knowledge.FullName;
            var besideIt = Path.Combine(parent, ContentLoader.DialogsFolder);
            folders = new(ResolveKnowledge(knowledge), dialogs?.FullName ?? (Directory.Exists(besideIt) ? besideIt : configured.DialogsPath));
        }
        else
        {
            folders = new(ResolveKnowledge(null), dialogs?.FullName ?? configured.DialogsPath);
        }

        if (!Directory.Exists(folders.DialogsPath))
        {
            throw new ContentFolderNotFoundException(
                $"dialogs folder not found: {folders.DialogsPath} (without it every decision dialog would be gone; use --dialogs to name it)");
        }

        return folders;
    }

    /// <summary>The knowledge folder <paramref name="knowledge"/>, else the configured one, as an absolute path.</summary>
    /// <exception cref="ContentFolderNotFoundException">The folder does not exist.</exception>
    public static string ResolveKnowledge(DirectoryInfo? knowledge)
    {
        var path = knowledge?.FullName ?? ConsoleServices.ContentPaths().KnowledgePath;
        return Directory.Exists(path) ? path : throw new ContentFolderNotFoundException($"knowledge folder not found: {path}");
    }

    /// <summary>These folders as configuration settings (<c>Content:KnowledgePath</c>, <c>Content:DialogsPath</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{ContentOptions.SectionName}:{nameof(ContentOptions.KnowledgePath)}"] = KnowledgePath,
        [$"{ContentOptions.SectionName}:{nameof(ContentOptions.DialogsPath)}"] = DialogsPath,
    };
}

/// <summary>
/// The <c>--knowledge DIR</c> and <c>--dialogs DIR</c> options, defined once for every command that reads content
/// (serve, ask, chat, explain, eval, eval-scenarios, test, impact, validate, new-topic).
/// </summary>
public sealed class ContentFolderOptions
{
    private ContentFolderOptions(Option<DirectoryInfo?> knowledge, Option<DirectoryInfo?> dialogs)
    {
        Knowledge = knowledge;
        Dialogs = dialogs;
    }

    /// <summary><c>--knowledge DIR</c>.</summary>
    public Option<DirectoryInfo?> Knowledge { get; }

    /// <summary><c>--dialogs DIR</c>.</summary>
    public Option<DirectoryInfo?> Dialogs { get; }

    /// <summary>Adds both options to <paramref name="command"/> and returns them.</summary>
    public static ContentFolderOptions AddTo(Command command)
    {
        var options = new ContentFolderOptions(
            KnowledgeOption(),
            new Option<DirectoryInfo?>("--dialogs")
            {
                Description = "The dialogs folder to use (default: the dialogs folder next to --knowledge if there is one, else Content:DialogsPath, normally ./dialogs).",
                HelpName = "DIR",
            });
        command.Options.Add(options.Knowledge);
        command.Options.Add(options.Dialogs);
        return options;
    }

    /// <summary>A <c>--knowledge DIR</c> option alone, for a command that reads no dialogs (<c>new-topic</c>).</summary>
    public static Option<DirectoryInfo?> KnowledgeOption() => new("--knowledge")
    {
        Description = "The knowledge folder to use, e.g. a copy you are editing (default: Content:KnowledgePath of appsettings.json, normally ./knowledge).",
        HelpName = "DIR",
    };

    /// <summary>The folders these options name in <paramref name="result"/>, resolved by <see cref="ContentFolders.Resolve"/>.</summary>
    /// <exception cref="ContentFolderNotFoundException">A folder does not exist.</exception>
    public ContentFolders Resolve(ParseResult result) => ContentFolders.Resolve(result.GetValue(Knowledge), result.GetValue(Dialogs));
}

/// <summary>A content folder named on the command line or in configuration does not exist (exit code 2).</summary>
public sealed class ContentFolderNotFoundException : DirectoryNotFoundException
{
    /// <summary>Creates the exception with a message naming the folder.</summary>
    public ContentFolderNotFoundException(string message)
        : base(message)
    {
    }
}
