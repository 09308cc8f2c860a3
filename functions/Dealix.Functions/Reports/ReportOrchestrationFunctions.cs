using Dealix.Functions.Durable;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.Reports.Activities;
using Dealix.Orchestrations.Reports.Contracts;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Dealix.Functions.Reports;

/// <summary>The report run and its activity as functions (names are the classes' stored names).</summary>
public static class ReportOrchestrationFunctions
{
    /// <summary>Runs <see cref="ReportRunOrchestrator"/>: one tenant's report of one kind and period.</summary>
    [Function(ReportRunOrchestrator.Name)]
    public static Task<ReportRunResult> ReportRun([OrchestrationTrigger] TaskOrchestrationContext context, OutreachRunInput input) =>
        new ReportRunOrchestrator().RunAsync(context, input);

    /// <summary>Runs the <see cref="BuildReport"/> activity.</summary>
    [Function(BuildReport.Name)]
    public static Task<BuiltReport> BuildReportAsync([ActivityTrigger] BuildReportInput input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<BuildReport, BuildReportInput, BuiltReport>(function, instanceId, input);
}
