using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;

namespace Dealix.Orchestrations.BulkEmails.Rules;

/// <summary>
/// The rules of a bulk e-mail, built on the existing ones: the text passes the content gate of §3.7 and the §10.2 e-mail
/// rules (<see cref="ContentGate"/>: no positive prohibited claim, ≤ 130 words with the opt-out line, subject ≤ 60
/// characters, no unfilled placeholder; a bulk e-mail is one message, so the sequence's two follow-ups are not asked
/// for); every recipient passes the compliance check of §10.3 (<see cref="ProspectCompliance"/>, suppression and opt-out
/// included) and only <c>safe</c> contacts (§10.4) are e-mailed, since one approval covers them all; the guard
/// (<see cref="LoopGuard"/>: red lines, then §17.5) names the approval: more than 100 recipients is
/// <c>bulk_email_over_100</c>, up to 100 is still a customer-facing message (I1, <c>customer_facing</c>). Pure.
/// </summary>
public static class BulkEmailRules
{
    /// <summary>The most recipients one request may name.</summary>
    public const int MaxRecipients = 5_000;

    /// <summary>The action name the guard and the approval center see.</summary>
    public const string Action = "bulk_email";

    /// <summary>The send window of a bulk e-mail: the first-touch window of §10.6 (Sun–Thu 09:00–17:00 AST).</summary>
    public const DraftKind WindowKind = DraftKind.FirstTouch;

    /// <summary>The gate's verdict on the text (hard fails block the request, warnings go to the approver).</summary>
    public static GateResult Gate(string subject, string body)
    {
        GateResult gate = ContentGate.Evaluate(new EmailDraft(subject, body, []));
        string[] hard = [.. gate.HardFails.Where(f => f != "follow_ups_not_two")];
        return new GateResult(hard.Length == 0, hard, gate.Warnings);
    }

    /// <summary>
    /// Whether a prospect may be e-mailed in a bulk now: null when it may, otherwise the reasons (stable codes:
    /// <c>unknown_prospect</c>, the compliance codes of §10.3, <c>needs_review</c> and its codes for a contact that is not
    /// <c>safe</c>).
    /// </summary>
    public static IReadOnlyList<string>? Exclusion(Prospect? prospect, string? suppressionReason, DateTime nowUtc)
    {
        if (prospect is null)
        {
            return ["unknown_prospect"];
        }

        ComplianceResult result = ProspectCompliance.Check(prospect, suppressionReason, nowUtc);
        return result switch
        {
            { Outcome: ComplianceOutcome.Allowed, Contactability: Contactability.Safe } => null,
            { Outcome: ComplianceOutcome.Blocked } => result.Reasons,
            _ => ["needs_review", .. result.Reasons],
        };
    }

    /// <summary>The guard's verdict on sending <paramref name="body"/> to <paramref name="recipients"/> people.</summary>
    public static Verdict Guard(string tenantId, string bulkId, string correlationId, int recipients, string subject, string body) =>
        LoopGuard.Check(new AutomatedAction(tenantId, Action, correlationId, bulkId)
        {
            Audience = "contact",
            Recipients = recipients,
            Text = subject + "\n" + body,
        });

    /// <summary>The bulk id of a request: <c>be</c> and 20 hex digits of a hash of the tenant and request id.</summary>
    public static string BulkId(string tenantId, string requestId) => "be" + Hash($"{tenantId}|{requestId}", 10);

    /// <summary>The approval (draft) id of a bulk e-mail in the approval center.</summary>
    public static string ApprovalId(string bulkId) => $"bulk-{bulkId}";

    /// <summary>The workflow instance of a bulk e-mail.</summary>
    public static string InstanceId(string tenantId, string bulkId) => $"bulk:{tenantId}:{bulkId}";

    /// <summary>The draft id of one recipient's message: <c>b</c> and 30 hex digits (no personal data).</summary>
    public static string RecipientDraftId(string tenantId, string bulkId, string prospectId) => "b" + Hash($"{tenantId}|{bulkId}|{prospectId}", 15);

    /// <summary>A hash of what a request asks for, to tell a repeat from another request under the same id.</summary>
    public static string ContentHash(string subject, string body, IEnumerable<string> recipients) =>
        Hash(subject + "\u0001" + body + "\u0001" + string.Join('\u0002', recipients), 16);

    /// <summary>What the approver reads: subject, counts, verdict, warnings and the full body.</summary>
    public static string Summary(string subject, string body, int recipients, int excluded, Verdict verdict, IReadOnlyList<string> warnings) =>
        $"Bulk e-mail to {recipients} prospects ({excluded} excluded by the checks); {verdict.Code}: {verdict.Reason}"
        + (warnings.Count > 0 ? $" Gate warnings: {string.Join(',', warnings)}." : string.Empty)
        + $" Subject: «{subject}». Body: «{body}»";

    /// <summary>
    /// A recipient's status from its draft's status after a send attempt: <c>sent</c>, <c>simulated</c>, <c>failed</c>,
    /// <c>skipped</c> (with a reason), or <c>queued</c> while the message is still on its way (held, retried, being sent).
    /// </summary>
    public static (string Status, string? Reason) Outcome(ReplyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Status switch
        {
            DraftStatus.Sent => (BulkRecipient.Sent, null),
            DraftStatus.Simulated => (BulkRecipient.Simulated, "live_send_off"),
            DraftStatus.Failed => (BulkRecipient.Failed, draft.DecisionReason),
            DraftStatus.SendUnknown => (BulkRecipient.Failed, "send_unknown"),
            DraftStatus.Cancelled => (BulkRecipient.Skipped, draft.DecisionReason ?? "cancelled"),
            DraftStatus.ManualRequired => (BulkRecipient.Skipped, "manual_required"),
            DraftStatus.Approved or DraftStatus.Sending or DraftStatus.PendingApproval => (BulkRecipient.Queued, null),
            _ => (BulkRecipient.Skipped, System.Text.Json.JsonSerializer.Serialize(draft.Status).Trim('"')),
        };
    }

    private static string Hash(string text, int bytes) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, bytes);
}
