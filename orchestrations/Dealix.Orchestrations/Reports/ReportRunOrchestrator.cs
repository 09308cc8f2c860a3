using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Reports.Activities;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Rules;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.Reports;

/// <summary>
/// One tenant's run of a report job (§16, §17.4, §19.2): started by <c>ScheduledJobOrchestrator</c> as
/// <c>sched:{job}:{period}:{tenant}</c> with the trigger <c>timer:{job}:{period}</c> (the scheduler checked the kill
/// switch first), or by the on-request route with <c>request:{kind}:{period}</c>. It builds and stores the report
/// (<see cref="BuildReport"/>), then tells the kind's operators through <see cref="OperatorAlertActivities.Send"/>
/// (kind <c>digest</c>, once per tenant, kind and period, linking to the JSON route). Never sends to customers.
/// </summary>
[DurableTask(Name)]
public sealed class ReportRunOrchestrator : TaskOrchestrator<OutreachRunInput, ReportRunResult>
{
    public const string Name = "ReportRun";

    /// <summary>The status of a run whose trigger names no built report or no valid period.</summary>
    public const string InvalidTrigger = "invalid_trigger";

    public override async Task<ReportRunResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        ILogger log = context.CreateReplaySafeLogger<ReportRunOrchestrator>();
        if (ReportTrigger.Parse(input.Trigger) is not { } target)
        {
            log.ReportTriggerInvalid(context.InstanceId, input.TenantId);
            return new ReportRunResult(InvalidTrigger);
        }

        BuiltReport built = await context.CallActivityAsync<BuiltReport>(BuildReport.Name,
            new BuildReportInput(input.TenantId, target.Kind.Name, target.Period, context.CurrentUtcDateTime, input.CorrelationId), Retries.Storage);
        string body = string.Join('\n', built.Summary);
        var alert = new OperatorAlert(input.TenantId, OperatorAlertKinds.Digest, built.Severity, Clip(built.Title, OperatorAlertValidation.MaxTitle),
            Clip(body, OperatorAlertValidation.MaxBody), $"report:{input.TenantId}:{built.Kind}:{built.Period}", target.Kind.OwnerRole, built.Link);
        bool alerted = await context.CallActivityAsync<bool>(OperatorAlertActivities.Send, alert, Retries.Notification);
        log.ReportStored(context.InstanceId, input.TenantId, built.Kind, built.Period, alerted);
        return new ReportRunResult("stored", built.Kind, built.Period, built.Severity, alerted);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
