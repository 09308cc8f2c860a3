using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Sla.Contracts;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Tests.Reports;

/// <summary>
/// One tenant's seeded facts around the weekend of Thursday 2026-12-03 to Saturday 2026-12-05 (AST = UTC+3), read on
/// Sunday 2026-12-06. Every figure the report tests expect is derived from these rows by hand (see the comments).
/// </summary>
internal static class ReportScenario
{
    public const string Tenant = "acme";

    public static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    public static ReportFacts Facts { get; } = new(
        [
            Draft("d1", DraftStatus.Sent, Utc(12, 4, 10), decided: Utc(12, 4, 11)),                 // created + approved in the weekend
            Draft("d2", DraftStatus.Rejected, Utc(12, 2, 10), decided: Utc(12, 3, 8)),               // created before, rejected in it
            Draft("d3", DraftStatus.PendingApproval, Utc(12, 5, 10), expires: Utc(12, 6, 2)),        // pending, overdue on Sunday morning
            Draft("d4", DraftStatus.PendingApproval, Utc(12, 5, 20), expires: Utc(12, 6, 8)),        // pending, due later on Sunday
            Draft("d5", DraftStatus.Expired, Utc(12, 3, 9), expires: Utc(12, 4, 9)),                 // created + expired in it
            Draft("d6", DraftStatus.BlockedByGate, Utc(12, 1, 9)),                                   // before: not counted
            Draft("d7", DraftStatus.PendingApproval, Utc(12, 6, 1)),                                 // after the window, no deadline
            Draft("d8", DraftStatus.PendingApproval, Utc(12, 6, 4), expires: Utc(12, 6, 6)),         // due within the hour at 05:30Z
        ],
        [
            Ticket("t1", TicketPriority.P0, "resolved", Utc(12, 4, 8), Utc(12, 4, 8, 10), Utc(12, 4, 10), "تسريب"),
            Ticket("t2", TicketPriority.P2, "open", Utc(12, 5, 6), null, null, "sync", "oauth"),
            Ticket("t3", TicketPriority.P3, "open", Utc(11, 30, 6), null, null, "sync"),
            Ticket("t4", TicketPriority.P1, "resolved", Utc(12, 2, 10), Utc(12, 2, 11), Utc(12, 3, 5), "down"),
            Ticket("t5", TicketPriority.P2, "resolved", Utc(11, 25, 10), Utc(11, 25, 12), Utc(12, 1, 9), "sync"),
        ],
        [
            Log("t1", TicketPriority.P0, Utc(12, 4, 8), Utc(12, 4, 8, 10), Utc(12, 4, 10)),
            Log("t2", TicketPriority.P2, Utc(12, 5, 6), null, null),
            Log("t3", TicketPriority.P3, Utc(11, 30, 6), null, null),
            Log("t4", TicketPriority.P1, Utc(12, 2, 10), Utc(12, 2, 11), Utc(12, 3, 5)),
            Log("t5", TicketPriority.P2, Utc(11, 25, 10), Utc(11, 25, 12), Utc(12, 1, 9)),
        ],
        [
            Line("deal:acme:c0", "classify", Utc(12, 2, 9), outcome: "interested"),                       // c0 first seen Wednesday
            Line("deal:acme:c0", "send", Utc(12, 2, 10), outcome: "sent", channel: "email"),               // before the window
            Line("deal:acme:c1", "classify", Utc(12, 3, 7), outcome: "interested"),                       // c1 first seen Thursday
            Line("deal:acme:c1", "stage_transition", Utc(12, 4, 9), outcome: "applied", from: "new_lead", to: "qualified"),
            Line("deal:acme:c1", "send", Utc(12, 4, 11), outcome: "sent", channel: "whatsapp"),
            Line("deal:acme:c0", "stage_transition", Utc(12, 4, 12), outcome: "proposed", from: "qualified", to: "proposal"),
            Line("deal:acme:c2", "classify", Utc(12, 4, 13), outcome: "price_question"),                  // c2 first seen Friday
            Line("deal:acme:c2", "send", Utc(12, 5, 9), outcome: "sent", channel: "email"),
            Line("deal:acme:c2", "send", Utc(12, 5, 10), outcome: "simulated", channel: "email"),
            Line("deal:acme:c0", "stage_transition", Utc(12, 5, 12), outcome: "applied", from: "proposal", to: "closed_won"),
            Line("deal:acme:c3", "classify", Utc(12, 5, 20, 59), outcome: "interested"),                  // c3: the window's last minute
        ],
        [
            new IncidentFact("i1", IncidentSeverity.SEV2, "contain", Utc(12, 4, 14), null, false),
            new IncidentFact("i2", IncidentSeverity.SEV3, "resolved", Utc(11, 30, 14), Utc(11, 30, 18), false),
        ],
        [
            new CustomerFact("cu1", "pilot", new DateTimeOffset(Utc(12, 5, 9)), 75, RiskSeverity.High, 35),
            new CustomerFact("cu2", "growth", new DateTimeOffset(Utc(11, 1, 9)), 50, RiskSeverity.Medium, 60),
            new CustomerFact("cu3", "growth", new DateTimeOffset(Utc(10, 1, 9)), 10, RiskSeverity.Low, 90),
        ],
        [
            new FollowUpFact("task", "f1", "Call back", "operator", new DateTimeOffset(Utc(12, 5, 12))),
            new FollowUpFact("cs", "f2", "weekly_check_in", "csm", new DateTimeOffset(Utc(12, 6, 10)), "cu2"),
            new FollowUpFact("task", "f3", "Send proposal", "operator", new DateTimeOffset(Utc(12, 7, 6))),
        ]);

    private static DraftFact Draft(string id, DraftStatus status, DateTime created, DateTime? expires = null, DateTime? decided = null) =>
        new(id, MessageChannel.WhatsApp, DraftKind.Reply, status, DealStage.Qualified, created, expires, decided);

    private static TicketFact Ticket(string id, TicketPriority priority, string status, DateTime opened, DateTime? firstResponse, DateTime? resolved, params string[] keywords) =>
        new(id, priority, status, opened, firstResponse, resolved, keywords);

    private static SlaEvent[] Log(string id, TicketPriority priority, DateTime opened, DateTime? firstResponse, DateTime? resolved) =>
    [
        new(id, Tenant, SlaEventType.TicketOpened, priority, opened, "automation", "c-1"),
        .. firstResponse is { } f ? new[] { new SlaEvent(id, Tenant, SlaEventType.FirstResponseSent, priority, f, "operator", "c-1") } : [],
        .. resolved is { } r ? new[] { new SlaEvent(id, Tenant, SlaEventType.Resolved, priority, r, "operator", "c-1") } : [],
    ];

    private static AuditEntry Line(string target, string action, DateTime at, string? outcome = null, string? channel = null, string? from = null, string? to = null) =>
        new($"{target}:{action}:{at:O}", Tenant, "c-1", action, "A", "automation", target, at, Channel: channel, From: from, To: to, Outcome: outcome);
}
