using System.ComponentModel.DataAnnotations;
using OpenTelemetry.Exporter;
using WelfareGraph.Configuration;

namespace WelfareGraph.Telemetry;

/// <summary>The <c>OpenTelemetry</c> section of appsettings.json.</summary>
[SettingsSection("OpenTelemetry")]
public sealed class TelemetryOptions
{
    /// <summary>
    /// The OTLP collector that traces and metrics are sent to; empty sends nothing (the <c>/metrics</c> scrape still works).
    /// </summary>
    [HttpUrlOrEmpty]
    public string Endpoint { get; set; } = "";

    /// <summary><c>Grpc</c> (usually port 4317) or <c>HttpProtobuf</c> (4318).</summary>
    [EnumDataType(typeof(OtlpExportProtocol))]
    public OtlpExportProtocol Protocol { get; set; } = OtlpExportProtocol.Grpc;

    /// <summary>The <c>service.name</c> the server reports under.</summary>
    [Required]
    [MinLength(1)]
    public string ServiceName { get; set; } = "welfaregraph";

    /// <summary>
    /// A port of the server (one it listens on, e.g. in <c>Urls</c>) on which <c>/metrics</c> is open to anyone who
    /// reaches it, for a scraper inside the cluster; 0 for none. Elsewhere outside Development <c>/metrics</c> needs
    /// the <c>Welfare.Admin</c> role.
    /// </summary>
    [Range(0, 65535)]
    public int ManagementPort { get; set; }
}
