using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>
/// Scores one customer for the day (§14.3 at-risk score and severity, §14.5 health score and red flags) from its
/// stored health inputs and stores the result; null when the customer has no health inputs yet (nothing to score).
/// A retry on the same day rewrites the same row.
/// </summary>
[DurableTask(Name)]
public sealed class ScoreCustomerRisk(ICustomerSuccessStore store, TimeProvider clock) : TaskActivity<ScoreRiskInput, CsScore?>
{
    public const string Name = "ScoreCustomerRisk";

    public override async Task<CsScore?> RunAsync(TaskActivityContext context, ScoreRiskInput input)
    {
        if (await store.GetHealthInputsAsync(input.Tenant, input.CustomerId) is not { } health)
        {
            return null;
        }

        var score = new CsScore(input.Tenant, input.CustomerId, input.Day,
            AtRiskScore.Evaluate(health.DaysInactive, health.DraftsPending, health.LastProofPackDaysAgo), HealthScore.Evaluate(health), clock.GetUtcNow());
        await store.SaveScoreAsync(score);
        return score;
    }
}
