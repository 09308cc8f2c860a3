using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>
/// For the CS scheduler (§18): the touchpoints of every tenant due on the AST day, and those of the previous 14 days
/// still not held (missed: their cadence did not run them).
/// </summary>
[DurableTask(Name)]
public sealed class ListDueCsTouchpoints(ICustomerSuccessStore store) : TaskActivity<CsJobInput, List<CsTouchpointRecord>>
{
    public const string Name = "ListDueCsTouchpoints";

    /// <summary>How far back a touchpoint still scheduled counts as missed.</summary>
    public const int MissedLookbackDays = 14;

    public override async Task<List<CsTouchpointRecord>> RunAsync(TaskActivityContext context, CsJobInput input)
    {
        DateTimeOffset dayStart = new DateTimeOffset(input.Day.ToDateTime(TimeOnly.MinValue), CadencePlanner.AstOffset).ToUniversalTime();
        IReadOnlyList<CsTouchpointRecord> rows = await store.ListDueTouchpointsAsync(dayStart.AddDays(-MissedLookbackDays), dayStart.AddDays(1));
        return [.. rows.Where(r => r.Date == input.Day || r.Status == "scheduled")];
    }
}
