using System.Text.Json;
using Dealix.Functions.Deals;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Support;

/// <summary>
/// <c>POST /api/v1/customer-ops/support/classify</c> (operator key): a ticket's <c>{"subject", "body"}</c> → its
/// priority P0–P3 (P0 safety rules first, then the learned model, which never lowers a P0), the owners, the SLA
/// targets and due times from now, and the Arabic first-response template. Changes nothing; like every
/// customer-ops response it says <c>approval_required: true</c> and <c>live_send_allowed: false</c> (DOMAIN I9).
/// </summary>
public static class SupportClassifyApi
{
    public const string Name = "SupportClassify";

    [Function(Name)]
    public static async Task<IResult> ClassifyAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/customer-ops/support/classify")] HttpRequest request,
        TimeProvider time,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        string? subject;
        string? body;
        try
        {
            using JsonDocument document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellation);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DealHttp.BadRequest("The body must be a JSON object with 'subject' and 'body'.", correlationId);
            }

            subject = StringOrNull(document.RootElement, "subject");
            body = StringOrNull(document.RootElement, "body");
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
        catch (InvalidOperationException)
        {
            return DealHttp.BadRequest("'subject' and 'body' must be strings.", correlationId);
        }

        TicketClassification classification = TicketClassifier.Default.Classify(subject, body);
        if (classification.Rejected is not null || TicketRouter.Route(classification, time.GetUtcNow().UtcDateTime) is not { } route)
        {
            return DealHttp.BadRequest("A ticket needs a subject or a body (empty_input).", correlationId);
        }

        return Results.Ok(new
        {
            priority = classification.Priority.ToString(),
            confidence = classification.Confidence,
            source = classification.Source,
            reason = classification.Reason,
            matched_keywords = classification.MatchedKeywords,
            owners = route.Tier.Owners,
            sla = new
            {
                first_response_minutes = route.Tier.FirstResponseTarget.TotalMinutes,
                resolution_minutes = route.Tier.ResolutionTarget.TotalMinutes,
                first_response_due_at = route.FirstResponseDueAt,
                resolution_due_at = route.ResolutionDueAt,
            },
            first_response = route.Tier.FirstResponseTemplate,
            auto_actions = route.AutoActions,
            approval_required = true,
            live_send_allowed = false,
            correlation_id = correlationId,
        });
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
