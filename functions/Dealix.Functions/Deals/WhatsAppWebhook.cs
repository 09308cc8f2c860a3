using System.Text.Json;
using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Functions.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Deals;

/// <summary>
/// <c>GET /api/v1/webhooks/whatsapp</c> answers Meta's verification handshake; <c>POST</c> receives WhatsApp Cloud API
/// notifications (verified by <c>X-Hub-Signature-256</c> over the raw body) or Ultramsg events (verified by the
/// <c>?secret=</c> shared secret). Acknowledges fast: each new message is handed to its deal orchestration and a
/// redelivered one is dropped by its provider id. An unsigned or forged request gets 401 and changes nothing. A message
/// to a configured support number (<c>Support:WhatsAppNumbers</c>) becomes a support ticket instead.
/// </summary>
public static class WhatsAppWebhook
{
    public const string VerifyName = "WhatsAppWebhookVerify";
    public const string ReceiveName = "WhatsAppWebhook";
    private const long MaxBody = 3 * 1024 * 1024;

    [Function(VerifyName)]
    public static Task<IResult> VerifyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/webhooks/whatsapp")] HttpRequest request,
        IOptions<WhatsAppOptions> options)
    {
        string correlationId = DealHttp.CorrelationId(request);
        string mode = request.Query["hub.mode"].ToString();
        string challenge = request.Query["hub.challenge"].ToString();
        return Task.FromResult(
            mode == "subscribe" && challenge.Length > 0 && WebhookSignatures.SecretEquals(request.Query["hub.verify_token"].ToString(), options.Value.VerifyToken)
                ? Results.Text(challenge, "text/plain")
                : DealHttp.Forbidden("The verify token does not match.", correlationId));
    }

    [Function(ReceiveName)]
    public static async Task<IResult> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhooks/whatsapp")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        DealInbox inbox,
        SupportInbox support,
        IOptions<WhatsAppOptions> whatsApp,
        IOptions<UltramsgOptions> ultramsg,
        OperatorCommands commands,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        byte[]? body = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (body is null)
        {
            return DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body exceeds {MaxBody} bytes.", correlationId);
        }

        WebhookBatch batch;
        string tenantId;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (WhatsAppCloudParser.IsCloudPayload(document.RootElement))
            {
                // Verify the raw bytes before reading anything from them.
                if (whatsApp.Value.AppSecret.Length == 0
                    || !WebhookSignatures.IsValidHubSignature(body, request.Headers["X-Hub-Signature-256"].ToString(), whatsApp.Value.AppSecret))
                {
                    return DealHttp.Unauthorized("X-Hub-Signature-256 is missing or does not match the body.", correlationId);
                }

                batch = WhatsAppCloudParser.Parse(document.RootElement);
                tenantId = string.Empty;
            }
            else if (UltramsgParser.IsUltramsgPayload(document.RootElement))
            {
                if (!WebhookSignatures.SecretEquals(request.Query["secret"].ToString(), ultramsg.Value.WebhookSecret))
                {
                    return DealHttp.Unauthorized("The webhook secret is missing or wrong.", correlationId);
                }

                batch = UltramsgParser.Parse(document.RootElement);
                tenantId = whatsApp.Value.DefaultTenant;
            }
            else
            {
                return DealHttp.BadRequest("Neither a WhatsApp Cloud API notification nor an Ultramsg event.", correlationId);
            }
        }
        catch (JsonException)
        {
            return DealHttp.BadRequest("The body is not valid JSON.", correlationId);
        }
        catch (WebhookPayloadException e)
        {
            return DealHttp.BadRequest(e.Message, correlationId);
        }

        int accepted = 0, duplicates = 0;
        foreach (InboundWebhookMessage message in batch.Messages)
        {
            if (support.SupportTenant(message) is { } supportTenant)
            {
                // Sent to a support number: a ticket, not a deal message.
                (InboxOutcome ticket, _) = await support.AcceptAsync(client, supportTenant, message, correlationId, cancellation);
                accepted += ticket is InboxOutcome.Started or InboxOutcome.Raised ? 1 : 0;
                duplicates += ticket == InboxOutcome.Duplicate ? 1 : 0;
                continue;
            }

            string tenant = tenantId.Length > 0 ? tenantId : whatsApp.Value.Tenants.GetValueOrDefault(message.ReceivingAddress, whatsApp.Value.DefaultTenant);
            if (await commands.TryHandleAsync(tenant, message, correlationId, cancellation))
            {
                continue; // an operator's /dealix-pause-ai or /dealix-resume-ai (§17.8), never a lead message
            }

            InboxResult result = await inbox.AcceptAsync(client, tenant, message, correlationId, cancellation);
            accepted += result.Outcome is InboxOutcome.Started or InboxOutcome.Raised ? 1 : 0;
            duplicates += result.Outcome == InboxOutcome.Duplicate ? 1 : 0;
        }

        return Results.Ok(new { received = batch.Messages.Count, accepted, duplicates, statuses = batch.Statuses.Count, correlation_id = correlationId });
    }
}
