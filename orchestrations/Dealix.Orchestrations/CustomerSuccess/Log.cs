using Microsoft.Extensions.Logging;

namespace Dealix.Orchestrations.CustomerSuccess;

/// <summary>Customer-success log messages (EventIds 1400–1499). Ids and counts only.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Information, "Cadence {InstanceId}: month {Month} with {Count} touchpoints")]
    public static partial void MonthPlanned(this ILogger logger, string instanceId, int month, int count);

    [LoggerMessage(1401, LogLevel.Information, "Cadence {InstanceId}: touchpoint {Key} held, task {TaskId}")]
    public static partial void TouchpointHeld(this ILogger logger, string instanceId, string key, string taskId);

    [LoggerMessage(1402, LogLevel.Warning, "Cadence {InstanceId}: handoff of tenant {TenantId} not a delivery success (SLA gate {SlaGate}, Proof Pack approved {ProofApproved})")]
    public static partial void HandoffBlocked(this ILogger logger, string instanceId, string tenantId, bool slaGate, bool proofApproved);

    [LoggerMessage(1403, LogLevel.Warning, "Cadence {InstanceId}: unknown bundle {Bundle}, cadence not started")]
    public static partial void UnknownBundle(this ILogger logger, string instanceId, string bundle);

    [LoggerMessage(1404, LogLevel.Information, "{Job} {PeriodKey}: skipped: paused")]
    public static partial void SkippedPaused(this ILogger logger, string job, string periodKey);

    [LoggerMessage(1405, LogLevel.Information, "{Job} {PeriodKey}: {Customers} customers, {Alerts} alerts, {Tasks} tasks")]
    public static partial void JobDone(this ILogger logger, string job, string periodKey, int customers, int alerts, int tasks);
}
