using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using static Dealix.Orchestrations.Tests.Reports.ReportScenario;

namespace Dealix.Orchestrations.Tests.Reports;

/// <summary>
/// One tenant's outreach around ISO week 2026W49 for the proof pack and the self-growth reports: the daily pipeline's
/// first-touch drafts, operator decisions (two edited, two rejected), sends and the replies that followed. Every figure
/// the tests expect is derived from these rows by hand (see the comments).
/// </summary>
internal static class GrowthScenario
{
    public static ReportFacts Facts { get; } = new(
        [
            Draft("g1", DraftKind.FirstTouch, DraftStatus.PendingApproval, Utc(12, 3, 3, 30), "first_touch"),              // Thursday's pipeline
            Draft("g2", DraftKind.FirstTouch, DraftStatus.PendingApproval, Utc(12, 3, 3, 31), "first_touch"),              // Thursday's pipeline
            Draft("g3", DraftKind.FirstTouch, DraftStatus.PendingApproval, Utc(12, 2, 3, 30), "first_touch"),              // Wednesday's: not today's
            Draft("g4", DraftKind.FirstTouch, DraftStatus.Sent, Utc(11, 30, 3, 30), "first_touch", Utc(11, 30, 8)),
            Draft("g5", DraftKind.FirstTouch, DraftStatus.Sent, Utc(11, 30, 3, 31), "first_touch", Utc(11, 30, 8, 5)),
            Draft("g6", DraftKind.Reply, DraftStatus.Sent, Utc(12, 1, 10), "price_question", Utc(12, 1, 10, 30), MessageChannel.WhatsApp),
            Draft("g7", DraftKind.FollowUp, DraftStatus.Rejected, Utc(12, 1, 11), "follow_up", Utc(12, 1, 12)),
            Draft("g8", DraftKind.FirstTouch, DraftStatus.Rejected, Utc(11, 30, 3, 32), "first_touch", Utc(11, 30, 9)),
        ],
        [],
        [],
        [
            Line("deal:acme:p4", "draft_decided", Utc(11, 30, 8), outcome: "approved", approvalId: "g4"),
            Line("deal:acme:p5", "draft_decided", Utc(11, 30, 8, 5), outcome: "approved", reason: "edit_and_approve; tone fix", approvalId: "g5"),
            Line("deal:acme:p8", "draft_decided", Utc(11, 30, 9), outcome: "rejected", reason: "prohibited_claim; guaranteed results", approvalId: "g8"),
            Line("deal:acme:p4", "send", Utc(11, 30, 9, 15), outcome: "sent", channel: "email", approvalId: "g4"),
            Line("deal:acme:p5", "send", Utc(11, 30, 9, 16), outcome: "sent", channel: "email", approvalId: "g5"),
            Line("deal:acme:p9", "draft_blocked", Utc(12, 1, 3, 30), outcome: "blocked"),                                   // compliance block
            Line("deal:acme:p4", "classify", Utc(12, 1, 7), outcome: "interested"),                                        // p4 replied after its send
            Line("deal:acme:p4", "stage_transition", Utc(12, 1, 8), outcome: "applied", from: "new_lead", to: "qualified"),
            Line("deal:acme:c6", "classify", Utc(12, 1, 9), outcome: "price_question"),                                    // before g6 was sent
            Line("deal:acme:c6", "draft_decided", Utc(12, 1, 10, 30), outcome: "approved", reason: "edit_and_approve", approvalId: "g6"),
            Line("deal:acme:c6", "send", Utc(12, 1, 10, 31), outcome: "sent", channel: "whatsapp", approvalId: "g6"),
            Line("deal:acme:c7", "draft_decided", Utc(12, 1, 12), outcome: "rejected", reason: "tone", approvalId: "g7"),
            Line("deal:acme:c6", "classify", Utc(12, 2, 8), outcome: "interested"),                                        // c6 replied after g6
            Line("deal:acme:p4", "stage_transition", Utc(12, 2, 10), outcome: "applied", from: "qualified", to: "meeting_booked"),
        ],
        [],
        [],
        []);

    private static DraftFact Draft(string id, DraftKind kind, DraftStatus status, DateTime created, string category, DateTime? decided = null,
        MessageChannel channel = MessageChannel.Email) =>
        new(id, channel, kind, status, DealStage.NewLead, created, created.AddHours(72), decided, Category: category);

    private static AuditEntry Line(string target, string action, DateTime at, string? outcome = null, string? channel = null, string? from = null, string? to = null,
        string? reason = null, string? approvalId = null) =>
        new($"{target}:{action}:{at:O}", Tenant, "c-1", action, action is "send" or "draft_decided" ? "B" : "A", "automation", target, at, Channel: channel, From: from,
            To: to, Reason: reason, ApprovalId: approvalId, Outcome: outcome);
}
