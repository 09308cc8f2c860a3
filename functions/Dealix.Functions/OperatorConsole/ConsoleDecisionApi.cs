using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.OperatorConsole;

/// <summary>
/// Decision support and operator feedback for the approval queue (§4.5, §4.7), tenant-scoped through TenantGate:
/// <c>GET /api/v1/approval-center/{approval_id}/context</c> (why it was flagged, the compliance verdict stored with the
/// draft, the classified intent, a risk level, the last messages of the thread, similar past decisions of the tenant,
/// the SLA clock and the feedback so far); <c>POST …/{approval_id}/feedback</c> (rubric 1–5, correction, exemplar flag,
/// reason code; validated, stored and put on the ledger) and <c>GET …/{approval_id}/feedback</c>.
/// </summary>
public static class ConsoleDecisionApi
{
    public const string ContextName = "ApprovalCenterContext";
    public const string FeedbackName = "ApprovalCenterFeedback";
    public const string FeedbackListName = "ApprovalCenterFeedbackList";

    /// <summary>How many messages of the thread the card shows (§4.5: the last 3).</summary>
    public const int ThreadMessages = 3;

    /// <summary>How many similar past decisions the card shows.</summary>
    public const int SimilarDecisions = 5;

    internal static readonly string[] ReasonCodes = ["wrong_facts", "tone", "prohibited_claim", "wrong_recipient", "wrong_timing", "duplicate", "compliance", "other"];
    private static readonly string[] Decisions = ["approve", "edit_and_approve", "reject", "escalate"];
    private static readonly string[] RubricDimensions = ["factuality", "helpfulness", "tone", "policy_alignment"];
    private static readonly string[] FeedbackFields = ["reviewer", "decision", "rubric", "exemplar", "correction", "reason_code", "comment"];
    private const int MaxCorrection = 4096, MaxComment = 1000;

    [Function(ContextName)]
    public static async Task<IResult> ContextAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/approval-center/{approvalId}/context")] HttpRequest request,
        string approvalId,
        IDraftStore drafts,
        IDealThread thread,
        TableDecisionHistory history,
        TableDraftFeedback feedback,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(feedback);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "approval-center/context", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        if (await drafts.GetAsync(tenant, approvalId, cancellation) is not { } draft)
        {
            return NotFound(approvalId, correlationId);
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<ThreadMessage> messages = await ThreadAsync(thread, drafts, tenant, draft.DealInstanceId, cancellation);
        IReadOnlyList<ReplyDraft> similar = await history.SimilarAsync(tenant, draft, SimilarDecisions, cancellation);
        Sla sla = SlaOf(draft, now);
        (string risk, string[] factors) = Risk(draft, sla, similar);
        return Results.Ok(new
        {
            approval_id = draft.DraftId,
            tenant_id = draft.TenantId,
            draft_correlation_id = draft.CorrelationId,
            deal_id = draft.DealInstanceId,
            action = draft.Kind == DraftKind.ConnectorAction ? draft.Category : "send_message",
            action_class = "B",
            channel = ApprovalCenterApi.Wire(draft.Channel),
            stage = ApprovalCenterApi.Wire(draft.Stage),
            proposed_stage = draft.ProposedStage is { } p ? ApprovalCenterApi.Wire(p) : null,
            why_flagged = WhyFlagged(draft),
            compliance = new { verdict = draft.Compliance ?? "not_recorded", reasons = draft.PolicyReasons ?? [] },
            intent = new { category = draft.Category, kind = ApprovalCenterApi.Wire(draft.Kind), confidence = draft.IntentConfidence, matched_keywords = draft.MatchedKeywords ?? [] },
            risk = new { level = risk, factors },
            thread = messages.TakeLast(ThreadMessages).Select(m => new
            {
                message_id = m.MessageId,
                direction = m.Direction,
                channel = ApprovalCenterApi.Wire(m.Channel),
                text = m.Text,
                at = m.At,
            }),
            similar_decisions = similar.Select(d => new
            {
                approval_id = d.DraftId,
                status = ApprovalCenterApi.Wire(d.Status),
                outcome = d.Status is DraftStatus.Rejected ? "rejected" : "approved",
                edited = d.DecisionReason?.StartsWith("edit", StringComparison.Ordinal) == true,
                reason_code = d.Status is DraftStatus.Rejected ? d.DecisionReason : null,
                reviewer = d.Reviewer,
                decided_at = d.DecidedAt,
                text = d.Text,
            }),
            sla = new { status = sla.Status, warning_at = sla.WarningAt, due_at = sla.DueAt, expires_at = draft.ExpiresAt, seconds_left = sla.SecondsLeft },
            feedback = (await feedback.ListAsync(tenant, draft.DraftId, cancellation)).Select(Json),
            correlation_id = correlationId,
        });
    }

    [Function(FeedbackName)]
    public static async Task<IResult> FeedbackAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/approval-center/{approvalId}/feedback")] HttpRequest request,
        string approvalId,
        IDraftStore drafts,
        TableDraftFeedback feedback,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "approval-center/feedback", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument body = parsed!;
        (Input? input, string? error) = Parse(body.RootElement, request.Headers[DealHttp.OperatorHeader].ToString());
        if (error is not null)
        {
            return DealHttp.BadRequest(error, correlationId);
        }

        if (await drafts.GetAsync(tenant, approvalId, cancellation) is not { } draft)
        {
            return NotFound(approvalId, correlationId);
        }

        // The text a correction corrects is the draft's while it is pending (after an edit-then-approve the draft holds the edit).
        string? original = input!.Correction is null ? null : draft.Status == DraftStatus.PendingApproval ? draft.Text : null;
        var record = new DraftFeedback(tenant, draft.DraftId, input.Reviewer, draft.Category, ApprovalCenterApi.Wire(draft.Kind), input.Decision,
            input.Score("factuality"), input.Score("helpfulness"), input.Score("tone"),
            input.Score("policy_alignment"), input.Exemplar, original, input.Correction, input.ReasonCode, input.Comment,
            clock.GetUtcNow().UtcDateTime, draft.CorrelationId);
        await feedback.SaveAsync(record, cancellation);

        // The ledger line names what was given, never the texts (§4.8: no message bodies on the ledger).
        string summary = string.Join("; ", new[]
        {
            input.Decision is { } d ? $"decision {d}" : null,
            input.Rubric.Count > 0 ? "rubric " + string.Join(',', input.Rubric.Select(r => $"{r.Key}={r.Value}")) : null,
            input.Exemplar ? "exemplar" : null,
            input.Correction is not null ? "correction" : null,
            input.ReasonCode is { } rc ? $"reason {rc}" : null,
            input.Comment is not null ? "comment" : null,
        }.OfType<string>());
        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), tenant, draft.CorrelationId, "draft_feedback", "A", input.Reviewer, draft.DraftId,
            record.At, Channel: ApprovalCenterApi.Wire(draft.Channel), Reason: summary, ApprovalId: draft.DraftId, Outcome: "recorded"), cancellation);
        return Results.Ok(new { feedback = Json(record), correlation_id = correlationId });
    }

    [Function(FeedbackListName)]
    public static async Task<IResult> FeedbackListAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/approval-center/{approvalId}/feedback")] HttpRequest request,
        string approvalId,
        IDraftStore drafts,
        TableDraftFeedback feedback,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        ArgumentNullException.ThrowIfNull(feedback);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "approval-center/feedback", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (await drafts.GetAsync(access.Tenant!, approvalId, cancellation) is null)
        {
            return NotFound(approvalId, correlationId);
        }

        return Results.Ok(new { items = (await feedback.ListAsync(access.Tenant!, approvalId, cancellation)).Select(Json), correlation_id = correlationId });
    }

    /// <summary>The deal's conversation: its inbound messages and the drafts that went out, oldest first.</summary>
    internal static async Task<IReadOnlyList<ThreadMessage>> ThreadAsync(IDealThread thread, IDraftStore drafts, string tenant, string dealInstanceId,
        CancellationToken cancellation)
    {
        IReadOnlyList<ThreadMessage> inbound = await thread.ListInboundAsync(tenant, dealInstanceId, 50, cancellation);
        IEnumerable<ThreadMessage> outbound = (await drafts.ListForDealAsync(tenant, dealInstanceId, cancellation))
            .Where(d => d.Status == DraftStatus.Sent)
            .Select(d => new ThreadMessage(d.DraftId, "outbound", d.Channel, d.Text, d.DecidedAt ?? d.CreatedAt, d.CorrelationId));
        return [.. inbound.Concat(outbound).OrderBy(m => m.At)];
    }

    internal static object Json(DraftFeedback f) => new
    {
        approval_id = f.DraftId,
        reviewer = f.Reviewer,
        decision = f.Decision,
        rubric = new { factuality = f.Factuality, helpfulness = f.Helpfulness, tone = f.Tone, policy_alignment = f.PolicyAlignment },
        exemplar = f.Exemplar,
        original_text = f.OriginalText,
        correction = f.Correction,
        reason_code = f.ReasonCode,
        comment = f.Comment,
        category = f.Category,
        kind = f.Kind,
        at = f.At,
    };

    private static IResult NotFound(string approvalId, string correlationId) =>
        DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No approval {approvalId} for this tenant.", correlationId);

    /// <summary>Why a person must decide: the policy's refusals of auto-send, and a proposed stage move.</summary>
    private static string[] WhyFlagged(ReplyDraft draft)
    {
        var why = new List<string>(draft.PolicyReasons ?? []);
        if (draft.ProposedStage is { } proposed)
        {
            why.Add($"stage_move_needs_approval:{ApprovalCenterApi.Wire(proposed)}");
        }

        if (why.Count == 0)
        {
            why.Add(draft.Kind == DraftKind.ConnectorAction ? "connector_action_needs_approval" : "approval_required");
        }

        return [.. why.Distinct(StringComparer.Ordinal)];
    }

    private sealed record Sla(string Status, DateTime? WarningAt, DateTime? DueAt, long? SecondsLeft);

    /// <summary>The §4.4 clock of the draft: warning and due time from its plan, and pending / warning / breach / expired.</summary>
    private static Sla SlaOf(ReplyDraft draft, DateTime now)
    {
        ApprovalPlan plan = ApprovalPolicy.PlanFor(draft.Kind, draft.ProposedStage ?? draft.Stage, draft.Channel, draft.CreatedAt, draft.ExpiresAt);
        DateTime? warning = plan.Steps.FirstOrDefault(s => s.Kind == ApprovalStepKind.Reminder)?.DueAt;
        DateTime? due = plan.Steps.FirstOrDefault(s => s.Kind == ApprovalStepKind.Escalation)?.DueAt;
        DateTime? expires = draft.ExpiresAt;
        string status = expires is { } e && now >= e ? "expired"
            : due is { } d && now >= d ? "breach"
            : warning is { } w && now >= w ? "warning"
            : "pending";
        DateTime? next = new[] { due, expires }.Where(t => t is { } x && x > now).Min();
        return new Sla(status, warning, due, next is { } n ? (long)(n - now).TotalSeconds : null);
    }

    /// <summary>
    /// The card's risk level (project choice): high for a compliance warning, a complaint, a move into a stage that
    /// commits price, payment or the pilot, or a breached SLA; medium for any other stage move, a low-confidence intent or
    /// a rejection among the similar decisions; low otherwise.
    /// </summary>
    private static (string Level, string[] Factors) Risk(ReplyDraft draft, Sla sla, IReadOnlyList<ReplyDraft> similar)
    {
        var high = new List<string>();
        var medium = new List<string>();
        if (draft.Compliance is { } verdict && verdict != "allowed")
        {
            high.Add($"compliance_{verdict}");
        }

        if (draft.Category is ReplyIntent.Complaint or ReplyIntent.Unsubscribe)
        {
            high.Add($"intent_{draft.Category}");
        }

        if (draft.ProposedStage is { } proposed)
        {
            (DealStages.IsApprovalStage(proposed) ? high : medium).Add($"stage_move_{ApprovalCenterApi.Wire(proposed)}");
        }

        if (sla.Status is "breach" or "expired")
        {
            high.Add($"sla_{sla.Status}");
        }

        if (draft.IntentConfidence is { } confidence && confidence < 0.6)
        {
            medium.Add("low_confidence");
        }

        if (similar.Any(d => d.Status == DraftStatus.Rejected))
        {
            medium.Add("similar_rejected");
        }

        return high.Count > 0 ? ("high", [.. high, .. medium]) : medium.Count > 0 ? ("medium", [.. medium]) : ("low", []);
    }

    private sealed record Input(string Reviewer, string? Decision, Dictionary<string, int> Rubric, bool Exemplar, string? Correction, string? ReasonCode, string? Comment)
    {
        public int? Score(string dimension) => Rubric.TryGetValue(dimension, out int value) ? value : null;
    }

    private static (Input? Input, string? Error) Parse(JsonElement root, string headerReviewer)
    {
        foreach (JsonProperty field in root.EnumerateObject())
        {
            if (!FeedbackFields.Contains(field.Name))
            {
                return (null, $"Unknown field '{field.Name}'; the fields are: {string.Join(", ", FeedbackFields)}.");
            }
        }

        string? Text(string name, out string? error)
        {
            error = null;
            if (!root.TryGetProperty(name, out JsonElement v) || v.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (v.ValueKind != JsonValueKind.String)
            {
                error = $"{name} must be a string.";
                return null;
            }

            return v.GetString();
        }

        string? reviewer = Text("reviewer", out string? e1) ?? (headerReviewer.Length > 0 ? headerReviewer : null);
        string? decision = Text("decision", out string? e2);
        string? correction = Text("correction", out string? e3);
        string? reason = Text("reason_code", out string? e4);
        string? comment = Text("comment", out string? e5);
        if (new[] { e1, e2, e3, e4, e5 }.FirstOrDefault(e => e is not null) is { } typeError)
        {
            return (null, typeError);
        }

        if (string.IsNullOrWhiteSpace(reviewer) || reviewer.Length > 128)
        {
            return (null, "The reviewer is required (X-Operator-Id or \"reviewer\", at most 128 characters).");
        }

        if (decision is not null && !Decisions.Contains(decision))
        {
            return (null, $"decision must be one of: {string.Join(", ", Decisions)}.");
        }

        if (correction is not null && (string.IsNullOrWhiteSpace(correction) || correction.Length > MaxCorrection))
        {
            return (null, $"correction must be a non-empty text of at most {MaxCorrection} characters.");
        }

        if (reason is not null && !ReasonCodes.Contains(reason))
        {
            return (null, $"reason_code must be one of: {string.Join(", ", ReasonCodes)}.");
        }

        if (decision == "reject" && reason is null)
        {
            return (null, "A rejection's feedback needs its reason_code.");
        }

        if (comment is not null && comment.Length > MaxComment)
        {
            return (null, $"comment must be at most {MaxComment} characters.");
        }

        bool exemplar = false;
        if (root.TryGetProperty("exemplar", out JsonElement ex) && ex.ValueKind != JsonValueKind.Null)
        {
            if (ex.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return (null, "exemplar must be true or false.");
            }

            exemplar = ex.GetBoolean();
        }

        var rubric = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("rubric", out JsonElement r) && r.ValueKind != JsonValueKind.Null)
        {
            if (r.ValueKind != JsonValueKind.Object)
            {
                return (null, "rubric must be an object of scores.");
            }

            foreach (JsonProperty score in r.EnumerateObject())
            {
                if (!RubricDimensions.Contains(score.Name))
                {
                    return (null, $"Unknown rubric dimension '{score.Name}'; the dimensions are: {string.Join(", ", RubricDimensions)}.");
                }

                if (score.Value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                if (score.Value.ValueKind != JsonValueKind.Number || !score.Value.TryGetInt32(out int value) || value is < 1 or > 5)
                {
                    return (null, $"rubric.{score.Name} must be a whole number from 1 to 5.");
                }

                rubric[score.Name] = value;
            }
        }

        if (rubric.Count == 0 && !exemplar && correction is null && reason is null && comment is null)
        {
            return (null, "The feedback is empty: give a rubric score, a correction, the exemplar flag, a reason_code or a comment.");
        }

        return (new Input(reviewer, decision, rubric, exemplar, correction, reason, comment), null);
    }
}
