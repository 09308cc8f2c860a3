using Dealix.Functions.Infrastructure.DealConnectors;
using Dealix.Functions.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Deals.Connectors;

/// <summary>
/// <c>POST /api/v1/webhooks/payments</c>: Moyasar's payment webhook (channels.md §6), anonymous like every provider
/// webhook but checked: the body's <c>secret_token</c> must equal the tenant's (constant time; 401 otherwise), the body
/// must be a valid payment event naming its deal (400 with the reason otherwise; nothing stored). An accepted delivery is
/// stored durably (the event raised on the deal) before the 200; a redelivery is a 200 that changes nothing. A paid
/// payment proposes the move to <c>pilot_active</c> for a person to approve (§8.3).
/// </summary>
public static class PaymentsWebhook
{
    public const string Name = "PaymentsWebhook";

    /// <summary>Moyasar payment events are small; anything larger is not one.</summary>
    public const long MaxBody = 64 * 1024;

    [Function(Name)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/webhooks/payments")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        PaymentIntake intake,
        IOptions<PaymentOptions> options,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intake);
        string correlationId = DealHttp.CorrelationId(request);
        byte[]? body = await DealHttp.ReadBodyAsync(request, MaxBody, cancellation);
        if (body is null)
        {
            return DealHttp.Problem(StatusCodes.Status413PayloadTooLarge, "Too large", $"The body exceeds {MaxBody} bytes.", correlationId);
        }

        MoyasarWebhookEvent delivery;
        string token;
        try
        {
            (delivery, token) = MoyasarWebhookParser.Parse(body);
        }
        catch (WebhookPayloadException e)
        {
            return DealHttp.BadRequest(e.Message, correlationId);
        }

        if (!MoyasarWebhookParser.TokenMatches(token, options.Value.SecretTokens.GetValueOrDefault(delivery.TenantId)))
        {
            return DealHttp.Unauthorized("secret_token does not match this tenant's webhook secret.", correlationId);
        }

        string outcome = await intake.AcceptAsync(client, delivery, correlationId, cancellation);
        return Results.Ok(new { outcome, event_id = delivery.EventId, deal_id = delivery.DealInstanceId, correlation_id = correlationId });
    }
}
