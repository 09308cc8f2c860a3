using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>Looks the contact up on the tenant's suppression list (§7.1 step 5: opt-out first). Returns the reason
/// (<c>unsubscribe</c>, <c>bounced</c>, <c>complaint</c>) or null.</summary>
[DurableTask(Name)]
public sealed class CheckContactSuppression(ISuppressionList suppression) : TaskActivity<SuppressionQuery, string?>
{
    public const string Name = "CheckContactSuppression";

    public override async Task<string?> RunAsync(TaskActivityContext context, SuppressionQuery input) =>
        (await suppression.FindAsync(input.TenantId, input.Channel, input.Address))?.Reason;
}
