using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Outreach.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach.Activities;

/// <summary>
/// Steps 2–5 of the daily pipeline (§10.7) for one prospect: the compliance check again (blocked: skipped), e-mail
/// generation (§10.2), the content gate (§3.7: up to 2 regenerations, then the draft is stored as
/// <c>blocked_by_gate</c>, an operator task) and the draft itself, <c>pending_approval</c> in the approval center,
/// recorded on the ledger; the prospect is marked contacted so it is not targeted again for 90 days. A free or personal
/// address gets a LinkedIn message to send by hand instead of automated e-mail. The draft id comes from the tenant, the
/// prospect and the day, so a retry or a second run that day writes nothing new. Sends nothing.
/// </summary>
[DurableTask(Name)]
public sealed class PrepareOutreachDraft(
    IProspectStore prospects, ISuppressionList suppression, IDraftStore drafts, IAuditLedger ledger, IDealSettings settings, TimeProvider clock)
    : TaskActivity<PrepareDraftInput, PreparedDraft>
{
    public const string Name = "PrepareOutreachDraft";

    public override async Task<PreparedDraft> RunAsync(TaskActivityContext context, PrepareDraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateTime now = clock.GetUtcNow().UtcDateTime;
        Prospect? prospect = await prospects.GetAsync(input.TenantId, input.ProspectId);
        if (prospect is null)
        {
            return new PreparedDraft(input.ProspectId, PreparedDraft.Skipped, null, null, MessageChannel.Email, ["unknown_prospect"]);
        }

        string? suppressed = prospect.Email is { Length: > 0 } email ? (await suppression.FindAsync(input.TenantId, MessageChannel.Email, email))?.Reason : null;
        ComplianceResult compliance = ProspectCompliance.Check(prospect, suppressed, now);
        MessageChannel channel = ProspectCompliance.ChannelFor(compliance);
        if (compliance.Outcome == ComplianceOutcome.Blocked)
        {
            return new PreparedDraft(input.ProspectId, PreparedDraft.Skipped, null, null, channel, compliance.Reasons);
        }

        string draftId = DraftId(input);
        string contactId = DealKeys.ContactId(input.TenantId, MessageChannel.Email, prospect.Email!);
        string dealInstanceId = DealKeys.DealInstanceId(input.TenantId, contactId);
        if (await drafts.GetAsync(input.TenantId, draftId) is { } existing)
        {
            // The same run retried: report what it wrote. Another run that day: leave the draft alone.
            string again = existing.CorrelationId != input.CorrelationId ? PreparedDraft.AlreadyDrafted
                : existing.Status == DraftStatus.BlockedByGate ? PreparedDraft.BlockedByGate : PreparedDraft.Drafted;
            return new PreparedDraft(input.ProspectId, again, draftId, dealInstanceId, existing.Channel, []);
        }

        (OutreachSequence sequence, GateResult gate, int attempts) = Generate(prospect, channel);
        DealSettings tenant = await settings.GetAsync(input.TenantId);
        bool passed = gate.Passed;
        var draft = new ReplyDraft
        {
            DraftId = draftId,
            TenantId = input.TenantId,
            DealInstanceId = dealInstanceId,
            ContactId = contactId,
            Channel = channel,
            To = prospect.Email!,
            Subject = channel == MessageChannel.Email ? sequence.Email.Subject : null,
            Text = channel == MessageChannel.Email ? sequence.Email.Body : sequence.LinkedInMessage,
            Kind = DraftKind.FirstTouch,
            Category = "first_touch",
            Stage = DealStage.NewLead,
            Status = passed ? DraftStatus.PendingApproval : DraftStatus.BlockedByGate,
            CorrelationId = input.CorrelationId,
            CreatedAt = now,
            ExpiresAt = ApprovalPolicy.PlanFor(DraftKind.FirstTouch, DealStage.NewLead, channel, now, null).ExpiresAt,
            AssignedOperator = tenant.DefaultOperator,
            DecisionReason = passed ? null : string.Join(',', gate.HardFails),
        };
        await drafts.CreateAsync(draft);
        await prospects.MarkContactedAsync(input.TenantId, input.ProspectId, now);
        string reason = $"first_touch; attempts {attempts}; compliance {ComplianceCheck.Wire(compliance.Outcome)}"
            + (compliance.Reasons.Count > 0 ? $" ({string.Join(',', compliance.Reasons)})" : string.Empty)
            + (gate.Warnings.Count > 0 ? $"; warnings {string.Join(',', gate.Warnings)}" : string.Empty)
            + (passed ? string.Empty : $"; gate {string.Join(',', gate.HardFails)}");
        await ledger.AppendAsync(new AuditEntry(
            AuditIds.From(input.IdempotencyKey), input.TenantId, input.CorrelationId, "draft_created", "A", "automation", dealInstanceId, now,
            Channel: Wire(channel), ApprovalId: draftId, Reason: reason, Outcome: Wire(draft.Status)));
        return new PreparedDraft(input.ProspectId, passed ? PreparedDraft.Drafted : PreparedDraft.BlockedByGate, draftId, dealInstanceId, channel,
            passed ? gate.Warnings : gate.HardFails);
    }

    /// <summary>The draft id of a prospect on a run day: <c>o</c> and 30 hex digits of a hash (no personal data).</summary>
    public static string DraftId(PrepareDraftInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return "o" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{input.TenantId}|{input.ProspectId}|{input.RunDay}")), 0, 15);
    }

    private static (OutreachSequence Sequence, GateResult Gate, int Attempts) Generate(Prospect prospect, MessageChannel channel)
    {
        OutreachSequence sequence = OutreachEmailWriter.Compose(prospect, 0);
        GateResult gate = Gate(sequence, channel);
        int attempt = 1;
        while (!gate.Passed && attempt < ContentGate.MaxAttempts)
        {
            sequence = OutreachEmailWriter.Compose(prospect, attempt);
            gate = Gate(sequence, channel);
            attempt++;
        }

        return (sequence, gate, attempt);
    }

    private static GateResult Gate(OutreachSequence sequence, MessageChannel channel)
    {
        if (channel == MessageChannel.Email)
        {
            return ContentGate.Evaluate(sequence.Email);
        }

        var hard = new List<string>(ContentGate.ProhibitedClaims(sequence.LinkedInMessage));
        if (ReplyTemplates.HasUnfilledPlaceholder(sequence.LinkedInMessage))
        {
            hard.Add("unfilled_placeholder");
        }

        return new GateResult(hard.Count == 0, hard, []);
    }

    private static string Wire<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
