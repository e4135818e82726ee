using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ComplianceBot.Hosting;

/// <summary>
/// Registers <see cref="IHttpClientFactory"/> with one resilience pipeline (Microsoft.Extensions.Http.Resilience,
/// i.e. Polly) for every client it creates: total timeout → retry → per-attempt timeout, as set by
/// <see cref="OutboundHttpOptions"/>. The Bot Framework's <c>ConfigurationBotFrameworkAuthentication</c> receives the
/// factory, so the Bot Connector calls that carry replies to Teams use it, as do the Slack Web API calls. Each retry
/// is logged as a warning naming the call, the failure and the delay. Timeouts and retry delays run on the
/// <see cref="TimeProvider"/> registered in the services (the system clock, or a test's fake one).
/// </summary>
public static class OutboundHttp
{
    /// <summary>Adds the options, the factory and the pipeline.</summary>
    public static IServiceCollection AddOutboundHttp(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboundHttpOptions>().Bind(configuration.GetSection(OutboundHttpOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeout < o.TotalTimeout, "OutboundHttp:AttemptTimeout must be shorter than OutboundHttp:TotalTimeout.")
            .ValidateOnStart();
        services.AddHttpClient();
        services.ConfigureHttpClientDefaults(client => client.AddResilienceHandler("outbound", (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<OutboundHttpOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OutboundHttp));
            pipeline.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
            pipeline
                .AddTimeout(options.TotalTimeout)
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxRetries,
                    Delay = options.FirstRetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    ShouldRetryAfterHeader = true,
                    OnRetry = args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        logger.LogWarning("{Method} {Uri} failed ({Failure}); retry {Retry} of {MaxRetries} in {Delay} ms",
                            request?.Method, request?.RequestUri, Describe(args.Outcome), args.AttemptNumber + 1, options.MaxRetries,
                            (int)args.RetryDelay.TotalMilliseconds);
                        return default;
                    },
                })
                .AddTimeout(options.AttemptTimeout);
        }));
        return services;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name + ": " + ex.Message : "HTTP " + (int?)outcome.Result?.StatusCode;
}
