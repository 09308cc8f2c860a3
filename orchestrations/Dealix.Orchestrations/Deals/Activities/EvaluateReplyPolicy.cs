using Microsoft.DurableTask;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Activities;

/// <summary>
/// Runs the compliance check (§10.3) and the auto-send rule (§8.6) for one reply, reading the tenant's settings, the
/// kill switch and the suppression list, and fills the reply's placeholders from the tenant's settings. Sends nothing.
/// </summary>
[DurableTask(Name)]
public sealed class EvaluateReplyPolicy(IDealSettings settings, IKillSwitch killSwitch, ISuppressionList suppression, TimeProvider clock)
    : TaskActivity<ReplyPolicyInput, ReplyPolicyResult>
{
    public const string Name = "EvaluateReplyPolicy";

    public override async Task<ReplyPolicyResult> RunAsync(TaskActivityContext context, ReplyPolicyInput input)
    {
        DealSettings tenant = await settings.GetAsync(input.TenantId);
        bool paused = await killSwitch.IsPausedAsync(input.TenantId);
        SuppressionRecord? suppressed = await suppression.FindAsync(input.TenantId, input.Channel, input.Address);
        (string compliance, IReadOnlyList<string> complianceReasons) = ComplianceCheck.Check(input.Channel, input.Address, suppressed?.Reason);

        string? text = input.Text is null ? null : ReplyTemplates.Fill(input.Text, tenant.Placeholders);
        IReadOnlyList<string> refusals = AutoSendPolicy.Refusals(tenant, paused, input, compliance, text, clock.GetUtcNow().UtcDateTime);
        return new ReplyPolicyResult(compliance, refusals.Count == 0, [.. complianceReasons, .. refusals], text, tenant.DefaultOperator);
    }
}
