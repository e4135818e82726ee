using ComplianceBot.Bot;
using ComplianceBot.Content;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;
using ComplianceBot.Reporting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace ComplianceBot.Hosting;

/// <summary>Registers the bot's services; shared by the web host and the command line so both run the same logic.</summary>
public static class ServiceRegistration
{
    /// <summary>
    /// Adds typed options (validated at start-up: content, matching, <see cref="InputLimitsOptions"/>), the content store, the assistant, conversation state (in memory),
    /// outgoing HTTP with retries (<see cref="OutboundHttp"/>), the Bot Framework adapter with its authentication from
    /// configuration (using that HTTP for the Bot Connector), and the bot.
    /// </summary>
    public static IServiceCollection AddComplianceBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MatcherOptions>().Bind(configuration.GetSection(MatcherOptions.SectionName)).ValidateOnStart();
        services.AddOptions<InputLimitsOptions>().Bind(configuration.GetSection(InputLimitsOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MessageFitsInRequest,
                "InputLimits:MaxRequestBodyBytes must be at least 8 × InputLimits:MaxMessageLength, so a message at the length limit still fits in a request.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MatcherOptions>, MatcherOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ContentStore>();
        services.AddSingleton<IContentProvider>(sp => sp.GetRequiredService<ContentStore>());
        services.AddSingleton<ComplianceAssistant>();

        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton<Microsoft.Bot.Builder.ConversationState>();
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.SectionName));
        services.AddSingleton<LocalAccess>();
        services.AddOutboundHttp(configuration);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<ConfigurationBotFrameworkAuthentication>()));
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, ComplianceAssistantBot>();
        return services;
    }

    /// <summary>
    /// Adds what only the long-running web host needs (the command line does not): hot reload of the content
    /// folders (<see cref="ContentWatcher"/>) and, unless <c>Unanswered:Enabled</c> is false, the log of questions
    /// the bot could not answer (<see cref="SqliteUnansweredLog"/>), so questions typed into <c>ask</c> or
    /// <c>chat</c> by authors do not count.
    /// </summary>
    public static IServiceCollection AddWebHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHostedService<ContentWatcher>();
        services.AddOptions<UnansweredOptions>().Bind(configuration.GetSection(UnansweredOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(UnansweredOptions.SectionName).GetValue(nameof(UnansweredOptions.Enabled), true))
        {
            services.AddSingleton<SqliteUnansweredLog>();
            services.AddSingleton<IUnansweredLog>(sp => sp.GetRequiredService<SqliteUnansweredLog>());
        }

        return services;
    }

    /// <summary>Reports each invalid matching setting by name.</summary>
    private sealed class MatcherOptionsValidator : IValidateOptions<MatcherOptions>
    {
        public ValidateOptionsResult Validate(string? name, MatcherOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
