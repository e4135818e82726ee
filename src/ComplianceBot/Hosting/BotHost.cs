using ComplianceBot.Bot;
using ComplianceBot.Content;
using ComplianceBot.Telemetry;

namespace ComplianceBot.Hosting;

/// <summary>Builds the web host (used by <c>Program</c>, by tests and by anything that embeds the bot).</summary>
public static class BotHost
{
    /// <summary>
    /// Creates the web application: configuration from <c>appsettings.json</c> in the content root (see
    /// <see cref="ContentRootLocator"/>), environment variables and <paramref name="args"/>; services; the content
    /// loaded and checked (then watched for changes); and the endpoints <c>POST /api/messages</c>, <c>GET /api/status</c>,
    /// the Slack routes, the web chat page at <c>/</c>, <c>GET /healthz</c>, <c>GET /readyz</c> and the Prometheus scrape
    /// endpoint (<see cref="TelemetryRegistration"/>). It logs what it is loading, and once it
    /// listens, where to chat and what it serves (<see cref="StartupReport"/>).
    /// </summary>
    /// <param name="args">Command-line configuration, e.g. <c>--urls http://localhost:3978</c>.</param>
    /// <param name="configure">Optional last changes to the builder (tests replace settings or services here).</param>
    /// <exception cref="InvalidOperationException">The content has errors: the message lists them with file and line.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting in appsettings.json is invalid.</exception>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRootLocator.Find(),
        });
        builder.Services.AddComplianceBot(builder.Configuration);
        builder.Services.AddWebHostServices(builder.Configuration);
        builder.Services.AddChannelAdapters(builder.Configuration);
        builder.Services.AddBotTelemetry(builder.Configuration); // last: its graceful shutdown stops first
        configure?.Invoke(builder);

        var app = builder.Build();
        var store = app.Services.GetRequiredService<ContentStore>();
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(StartupReport.LogCategory).LogInformation("Starting ComplianceBot: loading and checking the content in {Knowledge} and {Dialogs} ...", store.KnowledgePath, store.DialogsPath);
        store.LoadOrThrow();
        StartupReport.LogWhenStarted(app);
        app.UseMonitoringAccess();
        app.MapBotMessages();
        app.MapContentStatus();
        app.MapChannelAdapters();
        app.MapBotMonitoring();
        return app;
    }
}
