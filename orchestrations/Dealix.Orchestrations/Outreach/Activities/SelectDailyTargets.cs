using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach.Activities;

/// <summary>
/// Daily targeting (§10.1): reads the tenant's prospects and suppression list, runs the compliance check of each, and
/// selects the top 50 by score (blocked and recently contacted ones excluded, never padded). Returns ids, scores and
/// verdicts only. Changes nothing.
/// </summary>
[DurableTask(Name)]
public sealed class SelectDailyTargets(IProspectStore prospects, ISuppressionList suppression, TimeProvider clock)
    : TaskActivity<OutreachRunInput, TargetingResult>
{
    public const string Name = "SelectDailyTargets";

    public override async Task<TargetingResult> RunAsync(TaskActivityContext context, OutreachRunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<Prospect> all = await prospects.ListAsync(input.TenantId);
        var checkedOnes = new Dictionary<string, ComplianceResult>(StringComparer.Ordinal);
        var candidates = new List<TargetCandidate>(all.Count);
        foreach (Prospect prospect in all)
        {
            string? suppressed = prospect.Email is { Length: > 0 } email
                ? (await suppression.FindAsync(input.TenantId, MessageChannel.Email, email))?.Reason
                : null;
            ComplianceResult result = ProspectCompliance.Check(prospect, suppressed, now);
            checkedOnes[prospect.ProspectId] = result;
            candidates.Add(ProspectCompliance.Candidate(prospect, result));
        }

        IReadOnlyList<ScoredTarget> selected = OutreachRules.SelectDaily(candidates, now);
        return new TargetingResult(
            [.. selected.Select(t => checkedOnes[t.Candidate.CompanyId] is var r
                ? new OutreachTarget(t.Candidate.CompanyId, t.Score, r.Outcome, r.Contactability, ProspectCompliance.ChannelFor(r), r.Reasons)
                : null!)],
            all.Count,
            checkedOnes.Values.Count(r => r.Outcome == ComplianceOutcome.Blocked));
    }
}
