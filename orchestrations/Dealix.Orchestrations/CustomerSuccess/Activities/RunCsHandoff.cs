using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>
/// The checks and the note of the post-delivery handoff (§14.4 steps 1–3): the SLA gate (no open SLA breach, no open
/// P0 or P1 ticket), the customer's approval of the delivered Proof Pack, and the handoff note for the CS owner
/// (bundle, connector states, open drafts, risks). Without reported health inputs both checks fail: delivery is not
/// declared successful on missing data.
/// </summary>
[DurableTask(Name)]
public sealed class RunCsHandoff(ICustomerSuccessStore store) : TaskActivity<HandoffInput, HandoffResult>
{
    public const string Name = "RunCsHandoff";

    public override async Task<HandoffResult> RunAsync(TaskActivityContext context, HandoffInput input)
    {
        HealthInputs? health = await store.GetHealthInputsAsync(input.Tenant, input.CustomerId);
        var note = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer_id"] = input.CustomerId,
            ["bundle"] = input.Bundle,
            ["goals"] = "see the bundle's 30-day plan",
        };
        if (health is null)
        {
            note["risks"] = "no_health_inputs_reported";
            return new HandoffResult(false, false, note);
        }

        bool slaGate = health.OpenSlaBreaches == 0 && health.OpenP0Tickets == 0 && health.OpenP1Tickets == 0;
        HealthScoreResult score = HealthScore.Evaluate(health);
        note["connectors"] = $"{health.ConnectorsConnected.ToString(CultureInfo.InvariantCulture)}/{health.ConnectorsChosen.ToString(CultureInfo.InvariantCulture)} connected"
            + (health.BlockingConnectorFailed ? ", a blocking connector failed" : string.Empty);
        note["drafts_pending"] = health.DraftsPending.ToString(CultureInfo.InvariantCulture);
        note["health_score"] = score.Score.ToString(CultureInfo.InvariantCulture);
        note["risks"] = score.RedFlags.Count == 0 ? "none" : string.Join(",", score.RedFlags);
        note["sla_gate"] = slaGate ? "passed" : "failed";
        note["proof_pack_approved"] = health.ProofPackApproved ? "yes" : "no";
        return new HandoffResult(slaGate, health.ProofPackApproved, note);
    }
}
