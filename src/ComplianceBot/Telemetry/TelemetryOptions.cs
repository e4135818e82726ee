using System.ComponentModel.DataAnnotations;

namespace ComplianceBot.Telemetry;

/// <summary>Traces and metrics export (configuration section <c>Telemetry</c>), validated at start-up.</summary>
public sealed class TelemetryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The <c>service.name</c> resource attribute of every span and metric. Default <c>compliancebot</c>.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Telemetry:ServiceName must not be empty.")]
    public string ServiceName { get; set; } = "compliancebot";

    /// <summary>Export of traces and metrics over OTLP.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>The Prometheus scrape endpoint.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>Problems with the settings, each naming the setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Otlp.Enabled && !Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out _))
        {
            errors.Add($"Telemetry:Otlp:Endpoint must be an absolute URL such as http://localhost:4317 when Telemetry:Otlp:Enabled is true (got '{Otlp.Endpoint}').");
        }

        if (Otlp.Protocol is not ("grpc" or "http/protobuf"))
        {
            errors.Add($"Telemetry:Otlp:Protocol must be 'grpc' or 'http/protobuf' (got '{Otlp.Protocol}').");
        }

        if (Prometheus.Enabled && (string.IsNullOrEmpty(Prometheus.Path) || !Prometheus.Path.StartsWith('/')))
        {
            errors.Add($"Telemetry:Prometheus:Path must start with '/' (got '{Prometheus.Path}').");
        }

        return errors;
    }

    /// <summary>OTLP export (section <c>Telemetry:Otlp</c>).</summary>
    public sealed class OtlpOptions
    {
        /// <summary>Whether traces and metrics are sent to <see cref="Endpoint"/>. Default false.</summary>
        public bool Enabled { get; set; }

        /// <summary>The collector's address. Default <c>http://localhost:4317</c> (gRPC); for <c>http/protobuf</c> usually port 4318.</summary>
        public string Endpoint { get; set; } = "http://localhost:4317";

        /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
        public string Protocol { get; set; } = "grpc";
    }

    /// <summary>The Prometheus scrape endpoint (section <c>Telemetry:Prometheus</c>).</summary>
    public sealed class PrometheusOptions
    {
        /// <summary>Whether metrics are served for scraping at <see cref="Path"/>. Default true.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The path of the scrape endpoint. Default <c>/metrics</c>. Answers callers on this machine only unless <c>Hosting:AllowRemoteMonitoring</c> is true.</summary>
        public string Path { get; set; } = "/metrics";
    }
}
