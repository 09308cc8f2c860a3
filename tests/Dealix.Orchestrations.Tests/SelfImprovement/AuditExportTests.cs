using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;

namespace Dealix.Orchestrations.Tests.SelfImprovement;

/// <summary>The §17.7 export: the UTC day's lines in order, the stated fields, reverts, JSONL and CSV exactly.</summary>
public class AuditExportTests
{
    [Fact]
    public void Day_JsonLinesAndCsv_Exactly()
    {
        var day = new DateOnly(2026, 12, 5);
        AuditEntry[] ledger =
        [
            new("a2", "acme", "c-1", "reduce_budget", "B", "founder-1", "weak", new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc), From: "2000", To: "1600",
                Reason: "CPA 80 > target 50", ApprovalId: "mar-20261205-cut-weak", Outcome: "applied"),
            new("a1", "acme", "c-1", "increase_budget", "B", "automation", "strong", new DateTime(2026, 12, 5, 5, 0, 0, DateTimeKind.Utc), From: "1000", To: "1300",
                Reason: "Strong CPA 45, scaling up", AutoApproved: true, Outcome: "applied"),
            new("a0", "acme", "c-0", "send", "B", "automation", "deal:acme:x", new DateTime(2026, 12, 4, 23, 59, 59, DateTimeKind.Utc), Outcome: "sent"), // the day before
            new("a3", "acme", "c-2", "revert", "B", "founder-1", "strong", new DateTime(2026, 12, 6, 8, 0, 0, DateTimeKind.Utc), From: "1300", To: "1000",
                Reason: "Raised on a one-off spike", Outcome: "applied", RevertsAuditId: "a1"),
        ];

        IReadOnlyList<IReadOnlyList<object?>> rows = AuditExport.Rows(ledger, day);

        Assert.Equal(
            "{\"timestamp\":\"2026-12-05T05:00:00Z\",\"action\":\"increase_budget\",\"campaign_id\":\"strong\",\"from\":1000,\"to\":1300,\"reason\":\"Strong CPA 45, scaling up\",\"auto_approved\":true,\"human_reviewer\":null,\"reverted\":true,\"audit_id\":\"a1\",\"loop\":\"marketing\",\"correlation_id\":\"c-1\",\"entity_type\":\"campaign\",\"entity_id\":\"strong\",\"outcome\":\"applied\",\"reverts_audit_id\":null}\n"
            + "{\"timestamp\":\"2026-12-05T09:00:00Z\",\"action\":\"reduce_budget\",\"campaign_id\":\"weak\",\"from\":2000,\"to\":1600,\"reason\":\"CPA 80 \\u003E target 50\",\"auto_approved\":false,\"human_reviewer\":\"founder-1\",\"reverted\":false,\"audit_id\":\"a2\",\"loop\":\"marketing\",\"correlation_id\":\"c-1\",\"entity_type\":\"campaign\",\"entity_id\":\"weak\",\"outcome\":\"applied\",\"reverts_audit_id\":null}\n",
            AuditExport.JsonLines(rows));
        Assert.Equal(
            "timestamp,action,campaign_id,from,to,reason,auto_approved,human_reviewer,reverted,audit_id,loop,correlation_id,entity_type,entity_id,outcome,reverts_audit_id\r\n"
            + "2026-12-05T05:00:00Z,increase_budget,strong,1000,1300,\"Strong CPA 45, scaling up\",true,,true,a1,marketing,c-1,campaign,strong,applied,\r\n"
            + "2026-12-05T09:00:00Z,reduce_budget,weak,2000,1600,CPA 80 > target 50,false,founder-1,false,a2,marketing,c-1,campaign,weak,applied,\r\n",
            AuditExport.Csv(rows));

        // The revert line of the next day: a new line naming the one it reverts, on the same campaign; nothing edited.
        Assert.Equal(
            "{\"timestamp\":\"2026-12-06T08:00:00Z\",\"action\":\"revert\",\"campaign_id\":\"strong\",\"from\":1300,\"to\":1000,\"reason\":\"Raised on a one-off spike\",\"auto_approved\":false,\"human_reviewer\":\"founder-1\",\"reverted\":false,\"audit_id\":\"a3\",\"loop\":\"marketing\",\"correlation_id\":\"c-2\",\"entity_type\":\"campaign\",\"entity_id\":\"strong\",\"outcome\":\"applied\",\"reverts_audit_id\":\"a1\"}\n",
            AuditExport.JsonLines(AuditExport.Rows(ledger, day.AddDays(1))));
    }

    [Fact]
    public void ContentAndOperationsLines_CarryTheirLoopAndEntityType()
    {
        var at = new DateTime(2026, 12, 7, 6, 0, 0, DateTimeKind.Utc);
        AuditEntry[] ledger =
        [
            new("b1", "acme", "c-1", "schedule_social_draft", "A", "automation", "2026W50-1", at, AutoApproved: true, Outcome: "stored"),
            new("b2", "acme", "c-2", "content_approved", "A", "marketer-1", "2026W50-1", at.AddMinutes(1), Outcome: "scheduled"),
            new("b3", "acme", "c-3", "ops_personal_outreach", "A", "automation", "cust-9", at.AddMinutes(2), AutoApproved: true, Outcome: "created"),
            new("b4", "acme", "c-4", "send", "B", "automation", "deal:acme:x", at.AddMinutes(3), Outcome: "sent"),
        ];

        IReadOnlyList<IReadOnlyList<object?>> rows = AuditExport.Rows(ledger, DateOnly.FromDateTime(at));

        // loop (column 10) and entity_type (column 12) of each line, in time order; no campaign id for any of them.
        Assert.Equal(
            [("marketing", "content_post"), ("marketing", "content_post"), ("operations", "operations_check"), (null, "deal")],
            rows.Select(r => ((string?)r[10], (string?)r[12])));
        Assert.All(rows, r => Assert.Null(r[2]));
    }
}
