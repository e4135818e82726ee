using System.Text.Json;
using ComplianceBot.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplianceBot.Telemetry;

/// <summary>Observability of the web host: OpenTelemetry traces and metrics, health endpoints, log correlation.</summary>
public static class TelemetryRegistration
{
    /// <summary>The liveness route: 200 <c>ok</c> while the process serves requests.</summary>
    public const string HealthRoute = "/healthz";

    /// <summary>The readiness route: 200 when content is loaded and storage answers, 503 with the reason otherwise.</summary>
    public const string ReadyRoute = "/readyz";

    /// <summary>
    /// Adds the <see cref="TelemetryOptions"/> (validated at start-up), OpenTelemetry tracing (the turn spans of
    /// <see cref="BotMetrics.Source"/> and ASP.NET Core requests) and metrics (the <see cref="BotMetrics"/> meter and
    /// ASP.NET Core's), exported over OTLP when <c>Telemetry:Otlp:Enabled</c> and for Prometheus when
    /// <c>Telemetry:Prometheus:Enabled</c>; the readiness checks; graceful shutdown; and the trace and span ids in
    /// every log scope.
    /// </summary>
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateDataAnnotations()
            .Validate(o => o.Validate().Count == 0, "invalid Telemetry settings").ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        var options = new TelemetryOptions();
        configuration.GetSection(TelemetryOptions.SectionName).Bind(options);

        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotMetrics.Name).AddAspNetCoreInstrumentation(o => o.Filter = context => !IsMonitoring(context.Request.Path));
                if (options.Otlp.Enabled)
                {
                    tracing.AddOtlpExporter(o => Configure(o, options.Otlp));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotMetrics.Name).AddAspNetCoreInstrumentation();
                if (options.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(o => Configure(o, options.Otlp));
                }

                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0); // every scrape sees the latest values
                }
            });

        services.AddHealthChecks()
            .AddCheck<ContentReadyCheck>("content", tags: ["ready"])
            .AddCheck<StorageReadyCheck>("storage", tags: ["ready"]);
        services.AddHostedService<GracefulShutdown>();
        return services;
    }

    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c> (JSON: <c>status</c> and, per check, <c>status</c> and <c>description</c>)
    /// and, when enabled, the Prometheus scrape endpoint. The scrape endpoint and <c>/api/status</c> answer callers on
    /// this machine only unless <c>Hosting:AllowRemoteMonitoring</c> is true (403 otherwise).
    /// </summary>
    public static WebApplication MapBotMonitoring(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        app.MapGet(HealthRoute, () => Results.Text("ok"));
        app.MapHealthChecks(ReadyRoute, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteReadinessAsync,
        });
        if (options.Prometheus.Enabled)
        {
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        }

        return app;
    }

    /// <summary>Refuses monitoring endpoints (the Prometheus path, <c>/api/status</c>) to remote callers unless allowed; add before the endpoints.</summary>
    public static WebApplication UseMonitoringAccess(this WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus.Path;
        var access = app.Services.GetRequiredService<LocalAccess>();
        app.Use(async (context, next) =>
        {
            if ((context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase) || context.Request.Path.StartsWithSegments(Content.StatusEndpoint.Route))
                && !access.AllowsMonitoring(context))
            {
                await LocalAccess.MonitoringRefusal(context.Request.Path).ExecuteAsync(context);
                return;
            }

            await next(context);
        });
        return app;
    }

    private static bool IsMonitoring(PathString path) =>
        path.StartsWithSegments(HealthRoute) || path.StartsWithSegments(ReadyRoute) || path.StartsWithSegments("/metrics");

    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions.OtlpOptions options)
    {
        exporter.Endpoint = new Uri(options.Endpoint);
        exporter.Protocol = options.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status == HealthStatus.Unhealthy ? "not ready" : "ready",
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString().ToLowerInvariant(),
                description = e.Value.Description,
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    /// <summary>Reports each invalid telemetry setting by name.</summary>
    private sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
    {
        public ValidateOptionsResult Validate(string? name, TelemetryOptions options) =>
            options.Validate() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }
}
