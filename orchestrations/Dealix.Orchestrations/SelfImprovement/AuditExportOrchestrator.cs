using System.Globalization;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.SelfImprovement.Activities;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement;

/// <summary>
/// One tenant's daily audit export (§17.7), started by the scheduler as <c>sched:audit-export:{period}:{tenant}</c> just
/// after the UTC day ends: it writes the ledger lines of the UTC day before the run's AST day (<c>period</c>) as
/// <c>audit/{tenant}/YYYY-MM-DD.jsonl</c> and <c>.csv</c>. Idempotent per day: a re-run rewrites the same files.
/// </summary>
[DurableTask(Name)]
public sealed class AuditExportOrchestrator : TaskOrchestrator<OutreachRunInput, LoopRunResult>
{
    public const string Name = "AuditExport";

    public override async Task<LoopRunResult> RunAsync(TaskOrchestrationContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        if (LoopKeys.Period(input.Trigger) is not { } period
            || !DateOnly.TryParseExact(period, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly runDay))
        {
            return new LoopRunResult("invalid_trigger", "audit", string.Empty, 0, 0, 0, 0, 0);
        }

        string day = runDay.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        int lines = await context.CallActivityAsync<int>(ExportAuditDay.Name, new AuditExportInput(input.TenantId, day), Retries.Storage);
        context.SetCustomStatus(new { day, lines });
        return new LoopRunResult("completed", "audit", period, lines, 0, 0, 0, 0);
    }
}
