using ComplianceBot.Content;
using ComplianceBot.Hosting;

namespace ComplianceBot.Cli;

/// <summary>The bot's services for command-line use: same registrations and configuration as the web host, quieter logs, conversations in memory (not kept, not audited).</summary>
public static class ConsoleServices
{
    /// <summary>
    /// Builds the service provider and loads the content from <paramref name="folders"/>. Configuration:
    /// <c>appsettings.json</c> in the content root, then environment variables, then the folders. Logs at Warning
    /// and above go to standard error.
    /// </summary>
    /// <param name="folders">The content folders, as resolved from <c>--knowledge</c> and <c>--dialogs</c>.</param>
    /// <exception cref="InvalidOperationException">The content has errors (listed in the message).</exception>
    public static ServiceProvider Create(ContentFolders folders)
    {
        var root = ContentRootLocator.Find();
        var configuration = Configure(root).AddInMemoryCollection(folders.Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new ConsoleEnvironment(root));
        services.AddLogging(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter((_, level) => level >= LogLevel.Warning)
            .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(typeof(ContentStore).FullName, LogLevel.None)); // commands print content errors themselves
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddComplianceBot(configuration);
        services.AddSingleton<Storage.BotStore>(sp => new Storage.InMemoryStore(sp.GetRequiredService<TimeProvider>())); // authors' conversations are not kept
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<ContentStore>().LoadOrThrow();
        return provider;
    }

    /// <summary>
    /// The configuration commands read without starting the bot: <c>appsettings.json</c> in the content root, then
    /// environment variables. Returns the content root too (relative paths in settings are resolved against it).
    /// </summary>
    public static (string Root, IConfiguration Configuration) ReadConfiguration()
    {
        var root = ContentRootLocator.Find();
        return (root, Configure(root).Build());
    }

    /// <summary>The content folders named by configuration, as absolute paths. Does not load or check the content.</summary>
    public static (string KnowledgePath, string DialogsPath) ContentPaths()
    {
        var (root, configuration) = ReadConfiguration();
        var options = new ContentOptions();
        configuration.GetSection(ContentOptions.SectionName).Bind(options);
        return (Path.GetFullPath(options.KnowledgePath, root), Path.GetFullPath(options.DialogsPath, root));
    }

    private static IConfigurationBuilder Configure(string root) => new ConfigurationBuilder()
        .SetBasePath(root)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables();

    private sealed class ConsoleEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "ComplianceBot";

        public string ContentRootPath { get; set; } = root;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.PhysicalFileProvider(root);
    }
}
