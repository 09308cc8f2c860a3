using System.Globalization;
using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.CustomerSuccess.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.CustomerSuccess.Activities;

/// <summary>
/// Fills in a touchpoint that fell due from the customer's stored health inputs and latest scores: for a check-in the
/// §14.2 agenda and Arabic talking points with the pending drafts, for a QBR or a renewal the health score, band,
/// red flags and at-risk severity. Marks the touchpoint held with its task. Never contacts the customer.
/// </summary>
[DurableTask(Name)]
public sealed class PrepareCsTouchpoint(ICustomerSuccessStore store, TimeProvider clock) : TaskActivity<PrepareTouchpointInput, TouchpointBrief>
{
    public const string Name = "PrepareCsTouchpoint";

    public override async Task<TouchpointBrief> RunAsync(TaskActivityContext context, PrepareTouchpointInput input)
    {
        HealthInputs? health = await store.GetHealthInputsAsync(input.Tenant, input.CustomerId);
        CsScore? score = await store.GetLatestScoreAsync(input.Tenant, input.CustomerId);
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["customer_id"] = input.CustomerId,
            ["bundle"] = input.Bundle,
            ["item"] = input.Touchpoint.Item,
            ["date"] = input.Touchpoint.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        if (input.Touchpoint.Item is "weekly_check_in" or "partner_check_in")
        {
            CheckInAgenda agenda = WeeklyCheckIn.Build(health?.DraftsPending ?? 0);
            details["agenda"] = string.Join(" | ", agenda.Agenda.Select(a => $"{a.Minutes} min: {a.Topic}"));
            for (int i = 0; i < agenda.TalkingPoints.Count; i++)
            {
                details[$"talking_point_{i + 1}"] = agenda.TalkingPoints[i];
            }
        }

        if (health is not null)
        {
            HealthScoreResult result = HealthScore.Evaluate(health);
            details["drafts_pending"] = health.DraftsPending.ToString(CultureInfo.InvariantCulture);
            details["health_score"] = result.Score.ToString(CultureInfo.InvariantCulture);
            details["health_band"] = result.Band;
            if (result.RedFlags.Count > 0)
            {
                details["red_flags"] = string.Join(",", result.RedFlags);
            }
        }

        if (score is not null)
        {
            details["risk_score"] = score.Risk.RiskScore.ToString(CultureInfo.InvariantCulture);
            details["risk_severity"] = score.Risk.Severity.ToString().ToLowerInvariant();
        }

        await store.MarkHeldAsync(input.Tenant, input.CustomerId, input.Touchpoint.Key, input.TaskId, clock.GetUtcNow());
        return new TouchpointBrief(details, score?.Risk.Severity);
    }
}
