using System.CommandLine;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>
/// <c>serve [--knowledge DIR] [--dialogs DIR] [host settings]</c> (also what runs without a command): the web host.
/// Besides the content folders it takes the host's own settings, as ASP.NET Core reads them from its command line:
/// <c>--urls URL</c>, <c>--environment NAME</c> and overrides of <c>appsettings.json</c> written
/// <c>--Section:Key=value</c> or <c>--Section:Key value</c> (checked by <see cref="HostSettings"/>, so a mistyped one
/// does not start a server).
/// </summary>
public static class ServeCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var serve = new Command(CommandLine.ServeCommandName,
            "Start the web host: the chat page at http://localhost:3978/ and POST /api/messages by default. "
            + "Also takes host settings: --urls URL, --environment NAME, --Section:Key=value overrides of appsettings.json.")
        {
            TreatUnmatchedTokensAsErrors = false, // the host settings, checked below
        };
        var folders = ContentFolderOptions.AddTo(serve);
        serve.SetAction((result, cancellationToken) => CommandLine.Guard(result, async () =>
        {
            var settings = result.UnmatchedTokens;
            var declared = serve.Options.Select(o => o.Name.TrimStart('-'));
            if (HostSettings.Errors(settings, declared) is { Count: > 0 } errors)
            {
                foreach (var error in errors)
                {
                    await result.InvocationConfiguration.Error.WriteLineAsync("error: " + error);
                }

                await result.InvocationConfiguration.Error.WriteLineAsync($"See '{CommandLine.ServeCommandName} --help'.");
                return CommandLine.UsageExitCode;
            }

            string[] args = [.. settings];
            if (result.GetValue(folders.Knowledge) is not null || result.GetValue(folders.Dialogs) is not null)
            {
                args = [.. args, .. folders.Resolve(result).Settings.Select(s => $"--{s.Key}={s.Value}")];
            }

            var app = BotHost.Create(args);
            await app.RunAsync(cancellationToken);
            return 0;
        }));
        return serve;
    }
}
