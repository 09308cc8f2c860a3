using System.Text.Json;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Reports.Activities;

/// <summary>
/// Reads the tenant's facts for the report's window, builds the report with the pure builders (as of the
/// orchestration's time, so a retry builds the same report) and stores it under tenant + kind + period (a retry
/// replaces the same row). Returns what the operators are told. Sends nothing.
/// </summary>
[DurableTask(Name)]
public sealed class BuildReport(IReportFactsSource facts, IReportStore store, IReportLinks links) : TaskActivity<BuildReportInput, BuiltReport>
{
    public const string Name = "BuildReport";

    public override async Task<BuiltReport> RunAsync(TaskActivityContext context, BuildReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReportKind kind = ReportKinds.Find(input.Kind) ?? throw new ArgumentException($"Unknown report kind '{input.Kind}'.", nameof(input));
        ReportWindow window = ReportWindows.For(kind, input.Period) ?? throw new ArgumentException($"Invalid period '{input.Period}' for {kind.Name}.", nameof(input));
        ReportFacts read = await facts.ReadAsync(input.Tenant, window);
        ReportDocument document = ReportBuilder.Build(kind, input.Tenant, input.Period, window, read, input.GeneratedAt);
        string json = JsonSerializer.Serialize(document, ReportJson.Options);
        await store.SaveAsync(new StoredReport(input.Tenant, kind.Name, input.Period, input.GeneratedAt, document.Severity, json));
        return new BuiltReport(kind.Name, input.Period, $"{kind.Title} — {window.Label}", document.Severity, document.Summary, links.For(input.Tenant, kind.Name, input.Period));
    }
}
