using ComplianceBot.Slack;
using ComplianceBot.Web;

namespace ComplianceBot.Hosting;

/// <summary>The channel adapters that live beside the Bot Framework endpoint in the web host: Slack and the web chat page.</summary>
public static class ChannelRegistration
{
    /// <summary>Adds the Slack adapter (options, signature check, triage, queue, background processor, API client) and the web chat adapter.</summary>
    public static IServiceCollection AddChannelAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().Bind(configuration.GetSection(SlackOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(SlackApiClient.HttpClientName, (sp, client) =>
        {
            var baseUrl = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value.ApiBaseUrl;
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
        });
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackDeliveryLog>();
        services.AddSingleton<SlackEventTriage>();
        services.AddSingleton<SlackTurnQueue>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackAdapter>();
        services.AddHostedService<SlackTurnProcessor>();

        services.AddOptions<WebChatOptions>().Bind(configuration.GetSection(WebChatOptions.SectionName));
        services.AddSingleton<WebChatAdapter>();
        services.AddSingleton<WebChatTokens>();
        services.AddWebChatRateLimit();
        return services;
    }

    /// <summary>Maps the Slack routes and, when enabled, the web chat page and its API.</summary>
    public static WebApplication MapChannelAdapters(this WebApplication app)
    {
        app.MapSlack();
        app.MapWebChat();
        return app;
    }
}
