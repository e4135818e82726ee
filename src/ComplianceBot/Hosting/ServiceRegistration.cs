using ComplianceBot.Bot;
using ComplianceBot.Content;
using ComplianceBot.Core.Conversation;
using ComplianceBot.Core.Matching;
using ComplianceBot.Audit;
using ComplianceBot.Pipeline;
using ComplianceBot.Reporting;
using ComplianceBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace ComplianceBot.Hosting;

/// <summary>Registers the bot's services; shared by the web host and the command line so both run the same logic.</summary>
public static class ServiceRegistration
{
    /// <summary>
    /// Adds typed options (validated at start-up: content, matching, <see cref="InputLimitsOptions"/>, <see cref="StorageOptions"/>), the content store, the assistant,
    /// conversation state over the <see cref="IStorage"/> of the registered <see cref="BotStore"/> (the web host registers the configured one, the command
    /// line a memory one) with the turn loop, outgoing HTTP with retries (<see cref="OutboundHttp"/>), the Bot Framework adapter with its authentication from
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
        services.AddMetrics();
        services.AddSingleton<Telemetry.BotMetrics>();
        services.AddSingleton<ContentStore>();
        services.AddSingleton<IContentProvider>(sp => sp.GetRequiredService<ContentStore>());
        services.AddSingleton<ComplianceAssistant>();

        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<IStorage>(sp => sp.GetRequiredService<BotStore>());
        services.AddSingleton<ConversationStateCache>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<ConversationTurns>();
        services.AddOptions<HostingOptions>().Bind(configuration.GetSection(HostingOptions.SectionName));
        services.AddSingleton<LocalAccess>();
        services.AddOutboundHttp(configuration);
        // Connector and user token clients made only when a turn uses them (not per activity; see the class).
        services.AddSingleton<BotFrameworkAuthentication>(sp => new Bot.Connector.DeferredBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<ConfigurationBotFrameworkAuthentication>())));
        services.AddSingleton<TurnErrorHandler>();
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddTransient<IBot, ComplianceAssistantBot>();
        return services;
    }

    /// <summary>
    /// Adds what only the long-running web host needs (the command line does not): the store chosen by
    /// <c>Storage:Provider</c> (schema created or migrated at start-up by <see cref="StoreInitializer"/>), the expiry
    /// sweep, hot reload of the content folders (<see cref="ContentWatcher"/>), and the turn pipeline's middleware:
    /// telemetry (<see cref="Telemetry.TelemetryMiddleware"/>), errors (<see cref="TurnErrorMiddleware"/>), rate limits (<see cref="RateLimitMiddleware"/>), one turn per conversation at a time (<see cref="ConversationLockMiddleware"/>), then the audit trail and, unless
    /// <c>Unanswered:Enabled</c> is false, the log of questions the bot could not answer (<see cref="AuditMiddleware"/>,
    /// written in the background by <see cref="AuditWriter"/>), so questions typed into <c>ask</c> or <c>chat</c> by
    /// authors do not count.
    /// </summary>
    public static IServiceCollection AddWebHostServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<BotStore>(sp => StoreFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<StoreInitializer>();
        services.AddSingleton<ExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<ExpiryService>());
        services.AddHostedService<ContentWatcher>();

        services.AddOptions<UnansweredOptions>().Bind(configuration.GetSection(UnansweredOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UserIdHasher>();
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        if (configuration.GetSection(UnansweredOptions.SectionName).GetValue(nameof(UnansweredOptions.Enabled), true))
        {
            services.AddSingleton<IUnansweredLog, UnansweredLog>();
        }

        // The one turn pipeline of every adapter, outermost first.
        services.AddSingleton<Telemetry.TurnsInFlight>();
        services.AddSingleton<IMiddleware, Telemetry.TelemetryMiddleware>();
        services.AddSingleton<IMiddleware, TurnErrorMiddleware>();
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<IMiddleware, RateLimitMiddleware>();
        services.AddSingleton<KeyedAsyncLock>();
        services.AddSingleton<IMiddleware, ConversationLockMiddleware>();
        services.AddSingleton<IMiddleware, AuditMiddleware>();
        return services;
    }

    /// <summary>Reports each invalid rate limit setting by name.</summary>
    private sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
    {
        public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    /// <summary>Reports each invalid storage setting by name.</summary>
    private sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
    {
        public ValidateOptionsResult Validate(string? name, StorageOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    /// <summary>Reports each invalid matching setting by name.</summary>
    private sealed class MatcherOptionsValidator : IValidateOptions<MatcherOptions>
    {
        public ValidateOptionsResult Validate(string? name, MatcherOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
