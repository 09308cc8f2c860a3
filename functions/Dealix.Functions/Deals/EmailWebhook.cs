using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Support;
using Dealix.Functions.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Deals;

/// <summary>
/// <c>POST /api/v1/webhooks/email?secret=…</c>: inbound replies, bounces and auto-replies, as SendGrid Inbound Parse
/// (<c>multipart/form-data</c>) or the Postmark JSON format. Neither signs its body here, so the URL carries a secret;
/// a wrong one gets 401. De-duplicated on the Message-ID; automated mail and bounces start no workflow. Mail to a
/// configured support mailbox (<c>Support:EmailAddresses</c>) becomes a support ticket instead (<see cref="SupportInbox"/>).
/// </summary>
public static class EmailWebhook
{
    public const string Name = "EmailWebhook";
    private const long MaxBody = 30 * 1024 * 1024;

    [Function(Name)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhooks/email")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        DealInbox inbox,
        SupportInbox support,
        IOptions<SmtpOptions> smtp,
        IConfiguration configuration,
        OperatorCommands commands,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        if (!WebhookSignatures.SecretEquals(request.Query["secret"].ToString(), smtp.Value.InboundSecret))
        {
            return DealHttp.Unauthorized("The webhook secret is missing or wrong.", correlationId);
        }

        byte[]? body = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (body is null)
        {
            return DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body exceeds {MaxBody} bytes.", correlationId);
        }

        InboundWebhookMessage message;
        try
        {
            message = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true
                ? PostmarkInboundParser.Parse(body)
                : await SendGridInboundParser.ParseAsync(body, request.ContentType, cancellation);
        }
        catch (WebhookPayloadException e)
        {
            return DealHttp.BadRequest(e.Message, correlationId);
        }

        if (support.SupportTenant(message) is { } supportTenant)
        {
            // Sent to a support mailbox: a ticket, not a deal message.
            (InboxOutcome outcome, string? ticketId) = await support.AcceptAsync(client, supportTenant, message, correlationId, cancellation);
            return Results.Ok(new { outcome = outcome.ToString().ToLowerInvariant(), ticket_id = ticketId, correlation_id = correlationId });
        }

        string domain = message.ReceivingAddress.Split('@')[^1];
        string tenant = configuration[$"Email:Tenants:{domain}"] ?? configuration["Email:DefaultTenant"] ?? "default";
        if (await commands.TryHandleAsync(tenant, message, correlationId, cancellation))
        {
            return Results.Ok(new { outcome = "operator_command", correlation_id = correlationId }); // §17.8, never a lead message
        }

        InboxResult result = await inbox.AcceptAsync(client, tenant, message, correlationId, cancellation);
        return Results.Ok(new { outcome = result.Outcome.ToString().ToLowerInvariant(), correlation_id = correlationId });
    }
}
