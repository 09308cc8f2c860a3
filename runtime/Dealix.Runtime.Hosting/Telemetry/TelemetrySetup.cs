using Dealix.Runtime.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Dealix.Runtime.Hosting.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics, exported as chosen by the <c>Telemetry:Exporter</c> setting
/// (<c>Telemetry__Exporter</c> in local.settings.json): <c>none</c> (default), <c>console</c> or <c>otlp</c>
/// (endpoint from the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Includes the durable engine's spans (one per episode
/// and activity, continuing the trace of the request that started the orchestration) and its metrics.
/// </summary>
internal static class TelemetrySetup
{
    public static void Add(IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        string exporter = (configuration["Telemetry:Exporter"] ?? "none").ToLowerInvariant();
        if (exporter == "none")
        {
            return;
        }

        if (exporter is not ("console" or "otlp"))
        {
            throw new InvalidOperationException($"Setting Telemetry:Exporter '{exporter}' is not one of none, console, otlp.");
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(FunctionsTelemetry.SourceName, DurableTaskDiagnostics.Name, "Microsoft.AspNetCore");
                if (exporter == "console")
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(FunctionsTelemetry.SourceName, DurableTaskDiagnostics.Name, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel");
                if (exporter == "console")
                {
                    metrics.AddConsoleExporter();
                }
                else
                {
                    metrics.AddOtlpExporter();
                }
            });
    }
}
