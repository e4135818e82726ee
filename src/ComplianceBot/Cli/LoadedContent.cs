using ComplianceBot.Core.Loading;
using ComplianceBot.Core.Validation;

namespace ComplianceBot.Cli;

/// <summary>
/// The one way the authoring commands that need loadable content (<c>impact</c>, <c>test</c>) load it: on errors
/// they print the same lines and stop with the same exit code, and <c>validate</c> is where the author goes next.
/// </summary>
public static class LoadedContent
{
    /// <summary>Exit code when the content has errors.</summary>
    public const int ErrorsExitCode = ValidateCommand.ErrorsExitCode;

    /// <summary>
    /// Loads <paramref name="folders"/>; returns the result when the content loaded, or null after writing
    /// "The content has errors; fix them first (run 'validate'):" and each error (<c>path:line:column: error: ...</c>)
    /// to <paramref name="output"/>.
    /// </summary>
    public static ContentLoadResult? LoadOrReport(ContentFolders folders, TextWriter output)
    {
        var loaded = ContentLoader.Load(folders.KnowledgePath, dialogsDirectory: folders.DialogsPath);
        if (loaded.Content is not null)
        {
            return loaded;
        }

        output.WriteLine("The content has errors; fix them first (run 'validate'):");
        foreach (var error in loaded.Messages.Where(m => m.Severity == Severity.Error))
        {
            output.WriteLine(ShownPath.Of(error, folders.KnowledgePath, folders.DialogsPath));
        }

        return null;
    }
}
