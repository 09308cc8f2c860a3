using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.BulkEmails;
using Dealix.Orchestrations.BulkEmails.Contracts;
using Dealix.Orchestrations.BulkEmails.Ports;
using Dealix.Orchestrations.BulkEmails.Rules;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Dealix.Orchestrations.Outreach.Rules;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.BulkEmails;

/// <summary>
/// The bulk e-mail (§17.5), tenant-scoped through <see cref="TenantGate"/> (another tenant's key: 403).
/// <c>POST /api/v1/outreach/bulk-emails</c> with <c>{request_id, subject, body, recipients: [prospect ids]}</c> (1–5,000
/// distinct ids of the tenant's prospects): the text must pass the content gate and the §10.2 rules (400 with the codes
/// otherwise), the guard's red lines (400), and at least one recipient must pass the compliance and contactability
/// checks (422 with every exclusion otherwise); nothing is stored on any 4xx. Accepted, the bulk and its recipients are
/// stored first, then its workflow starts (202): one approval in the approval center (kind <c>loop_action</c>, action
/// <c>bulk_email</c>), and nothing is sent before it. The same <c>request_id</c> again answers 200 with the same bulk
/// (and starts its workflow if a crash stopped it); with a different content it is 409.
/// <c>GET /api/v1/outreach/bulk-emails/{bulkId}</c> reads its status, counts (queued, sent, simulated, skipped, failed,
/// excluded) and the recipients left out, with their reasons.
/// </summary>
public static class BulkEmailsApi
{
    public const string CreateName = "BulkEmailCreate";
    public const string GetName = "BulkEmailGet";

    /// <summary>5,000 ids of up to 64 characters fit.</summary>
    private const long MaxBody = 512 * 1024;

    private const int MaxBodyChars = 4_000;

    [Function(CreateName)]
    public static async Task<IResult> CreateAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/outreach/bulk-emails")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        IBulkEmailStore store,
        IProspectStore prospects,
        ISuppressionList suppression,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(store);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "outreach/bulk-emails", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string tenant = access.Tenant!;
        (JsonDocument? parsed, IResult? invalid) = await DealHttp.ReadJsonObjectAsync(request, correlationId, cancellation, limit: MaxBody);
        if (invalid is not null)
        {
            return invalid;
        }

        using JsonDocument document = parsed!;
        (BulkRequest? asked, string? error) = Parse(document.RootElement);
        if (asked is null)
        {
            return DealHttp.BadRequest(error!, correlationId);
        }

        GateResult gate = BulkEmailRules.Gate(asked.Subject, asked.Body);
        if (!gate.Passed)
        {
            return Refused(StatusCodes.Status400BadRequest, "The text fails the content gate (§3.7, §10.2): " + string.Join(", ", gate.HardFails) + ".", correlationId,
                new() { ["codes"] = gate.HardFails, ["opt_out_line"] = OutreachRules.OptOutLineArabic });
        }

        string bulkId = BulkEmailRules.BulkId(tenant, asked.RequestId);
        string hash = BulkEmailRules.ContentHash(asked.Subject, asked.Body, asked.Recipients);
        if (await store.GetAsync(tenant, bulkId, cancellation) is { } existing)
        {
            if (existing.ContentHash != hash)
            {
                return DealHttp.Problem(StatusCodes.Status409Conflict, "Conflict", $"request_id '{asked.RequestId}' was already used for another bulk e-mail.", correlationId);
            }

            await StartOnceAsync(client, existing, cancellation);
            return Results.Ok(Accepted(existing, await store.ListRecipientsAsync(tenant, bulkId, cancellation), gate, correlationId));
        }

        DateTime now = clock.GetUtcNow().UtcDateTime;
        var recipients = new List<BulkRecipient>(asked.Recipients.Count);
        foreach (string prospectId in asked.Recipients)
        {
            Prospect? prospect = await prospects.GetAsync(tenant, prospectId, cancellation);
            string? suppressed = prospect?.Email is { Length: > 0 } email ? (await suppression.FindAsync(tenant, MessageChannel.Email, email, cancellation))?.Reason : null;
            IReadOnlyList<string>? reasons = BulkEmailRules.Exclusion(prospect, suppressed, now);
            recipients.Add(reasons is null
                ? new BulkRecipient(tenant, bulkId, prospectId, BulkRecipient.Queued, UpdatedAt: now)
                : new BulkRecipient(tenant, bulkId, prospectId, BulkRecipient.Excluded, string.Join(',', reasons), UpdatedAt: now));
        }

        int included = recipients.Count(r => r.Status == BulkRecipient.Queued);
        if (included == 0)
        {
            return Refused(StatusCodes.Status422UnprocessableEntity, "No recipient passes the compliance and contactability checks (§10.3, §10.4); nothing was stored.",
                correlationId, new() { ["excluded"] = Excluded(recipients) });
        }

        Verdict verdict = BulkEmailRules.Guard(tenant, bulkId, correlationId, included, asked.Subject, asked.Body);
        if (verdict.IsRefused)
        {
            return Refused(StatusCodes.Status400BadRequest, $"Refused by a red line (§17.9): {verdict.Reason}", correlationId, new() { ["codes"] = new[] { verdict.Code } });
        }

        var bulk = new BulkEmail
        {
            TenantId = tenant,
            BulkId = bulkId,
            RequestId = asked.RequestId,
            Subject = asked.Subject,
            Body = asked.Body,
            CorrelationId = correlationId,
            CreatedAt = now,
            Status = BulkEmailStatus.PendingApproval,
            ApprovalId = BulkEmailRules.ApprovalId(bulkId),
            VerdictCode = verdict.Code,
            VerdictReason = verdict.Reason,
            Recipients = included,
            Excluded = recipients.Count - included,
            ContentHash = hash,
        };
        await store.CreateAsync(bulk, recipients, cancellation);
        await ledger.AppendAsync(new AuditEntry(AuditIds.From($"bulk-email:{tenant}:{bulkId}", "requested"), tenant, correlationId, "bulk_email_requested", "A",
            "operator", bulkId, now, Channel: "email", ApprovalId: bulk.ApprovalId,
            Reason: $"{included} recipients, {bulk.Excluded} excluded; {verdict.Code}", Outcome: BulkEmailStatus.PendingApproval), cancellation);
        await StartOnceAsync(client, bulk, cancellation);
        string url = StatusUrl(bulkId);
        return Results.Accepted(url, Accepted(bulk, recipients, gate, correlationId));
    }

    [Function(GetName)]
    public static async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "v1/outreach/bulk-emails/{bulkId}")] HttpRequest request,
        string bulkId,
        IBulkEmailStore store,
        OperatorKeys keys,
        IAuditLedger ledger,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(store);
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAsync(request, "outreach/bulk-emails/get", tenantRequired: true, correlationId, keys, ledger, clock, cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        if (!DealKeys.IsValidKey(bulkId, 64))
        {
            return DealHttp.BadRequest("The bulk id must be 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.", correlationId);
        }

        BulkEmail? bulk = await store.GetAsync(access.Tenant!, bulkId, cancellation);
        if (bulk is null)
        {
            return DealHttp.Problem(StatusCodes.Status404NotFound, "Not found", $"No bulk e-mail {bulkId} for this tenant.", correlationId);
        }

        IReadOnlyList<BulkRecipient> rows = await store.ListRecipientsAsync(bulk.TenantId, bulkId, cancellation);
        return Results.Ok(new
        {
            bulk_id = bulk.BulkId,
            request_id = bulk.RequestId,
            status = bulk.Status,
            subject = bulk.Subject,
            body = bulk.Body,
            approval_id = bulk.ApprovalId,
            verdict = new { code = bulk.VerdictCode, reason = bulk.VerdictReason },
            recipients = bulk.Recipients,
            counts = Counts(rows),
            excluded = Excluded(rows),
            skipped = rows.Where(r => r.Status == BulkRecipient.Skipped).OrderBy(r => r.ProspectId, StringComparer.Ordinal)
                .Select(r => new { prospect_id = r.ProspectId, reason = r.Reason }),
            failed = rows.Where(r => r.Status == BulkRecipient.Failed).OrderBy(r => r.ProspectId, StringComparer.Ordinal)
                .Select(r => new { prospect_id = r.ProspectId, reason = r.Reason }),
            created_at = bulk.CreatedAt,
            decided_by = bulk.DecidedBy,
            decided_at = bulk.DecidedAt,
            next_send_at = bulk.NextSendAt,
            completed_at = bulk.CompletedAt,
            request_correlation_id = bulk.CorrelationId,
            correlation_id = correlationId,
        });
    }

    /// <summary>A validated request: the id, subject, body and distinct recipient ids.</summary>
    private sealed record BulkRequest(string RequestId, string Subject, string Body, IReadOnlyList<string> Recipients);

    private static (BulkRequest? Request, string? Error) Parse(JsonElement root)
    {
        if (!root.TryGetProperty("request_id", out JsonElement id) || id.ValueKind != JsonValueKind.String || !DealKeys.IsValidKey(id.GetString(), 64))
        {
            return (null, "request_id is required: 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");
        }

        if (!root.TryGetProperty("subject", out JsonElement subject) || subject.ValueKind != JsonValueKind.String || subject.GetString()!.Trim().Length == 0)
        {
            return (null, $"subject is required (at most {OutreachRules.MaxSubjectLength} characters).");
        }

        if (!root.TryGetProperty("body", out JsonElement body) || body.ValueKind != JsonValueKind.String || body.GetString()!.Trim().Length == 0
            || body.GetString()!.Length > MaxBodyChars)
        {
            return (null, $"body is required: the e-mail text, at most {OutreachRules.MaxWords} words with the opt-out line (§10.2).");
        }

        if (!root.TryGetProperty("recipients", out JsonElement list) || list.ValueKind != JsonValueKind.Array
            || list.GetArrayLength() is 0 or > BulkEmailRules.MaxRecipients)
        {
            return (null, $"recipients is required: an array of 1-{BulkEmailRules.MaxRecipients} prospect ids.");
        }

        var ids = new List<string>(list.GetArrayLength());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement item in list.EnumerateArray())
        {
            string? value = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (!DealKeys.IsValidKey(value, 64))
            {
                return (null, $"recipients[{ids.Count}] must be a prospect id: 1-64 characters of A-Z, a-z, 0-9, '_' or '-'.");
            }

            if (!seen.Add(value!))
            {
                return (null, $"recipients[{ids.Count}] '{value}' appears twice.");
            }

            ids.Add(value!);
        }

        return (new BulkRequest(id.GetString()!, subject.GetString()!.Trim(), body.GetString()!.Trim(), ids), null);
    }

    private static async Task StartOnceAsync(DurableTaskClient client, BulkEmail bulk, CancellationToken cancellation)
    {
        string instanceId = BulkEmailRules.InstanceId(bulk.TenantId, bulk.BulkId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellation) is not null)
        {
            return;
        }

        var input = new BulkEmailInput(bulk.TenantId, bulk.BulkId, bulk.ApprovalId, bulk.CorrelationId, bulk.CreatedAt,
            BulkEmailRules.Summary(bulk.Subject, bulk.Body, bulk.Recipients, bulk.Excluded, new Verdict(Verdict.NeedsApprovalOutcome, bulk.VerdictCode, bulk.VerdictReason),
                BulkEmailRules.Gate(bulk.Subject, bulk.Body).Warnings));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(BulkEmailOrchestrator.Name, input, new StartOrchestrationOptions(instanceId), cancellation);
        }
        catch (Exception e) when (e.GetType().Name == "OrchestrationAlreadyExistsException")
        {
            // Started meanwhile by the same request sent twice.
        }
    }

    private static object Accepted(BulkEmail bulk, IReadOnlyList<BulkRecipient> rows, GateResult gate, string correlationId) => new
    {
        bulk_id = bulk.BulkId,
        request_id = bulk.RequestId,
        status = bulk.Status,
        approval_id = bulk.ApprovalId,
        verdict = new { code = bulk.VerdictCode, reason = bulk.VerdictReason },
        recipients = bulk.Recipients,
        excluded = Excluded(rows),
        warnings = gate.Warnings,
        status_url = StatusUrl(bulk.BulkId),
        correlation_id = correlationId,
    };

    private static object Counts(IReadOnlyList<BulkRecipient> rows)
    {
        int Count(string status) => rows.Count(r => r.Status == status);
        return new
        {
            queued = Count(BulkRecipient.Queued),
            sent = Count(BulkRecipient.Sent),
            simulated = Count(BulkRecipient.Simulated),
            skipped = Count(BulkRecipient.Skipped),
            failed = Count(BulkRecipient.Failed),
            excluded = Count(BulkRecipient.Excluded),
        };
    }

    private static object[] Excluded(IEnumerable<BulkRecipient> rows) =>
        [.. rows.Where(r => r.Status == BulkRecipient.Excluded).OrderBy(r => r.ProspectId, StringComparer.Ordinal)
            .Select(r => new { prospect_id = r.ProspectId, reasons = (r.Reason ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries) })];

    private static string StatusUrl(string bulkId) => $"/api/v1/outreach/bulk-emails/{bulkId}";

    private static IResult Refused(int status, string detail, string correlationId, Dictionary<string, object?> extensions)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status422UnprocessableEntity ? "Unprocessable" : "Bad request",
            Detail = detail,
            Extensions = { ["correlation_id"] = correlationId },
        };
        foreach ((string key, object? value) in extensions)
        {
            problem.Extensions[key] = value;
        }

        return Results.Problem(problem);
    }
}
