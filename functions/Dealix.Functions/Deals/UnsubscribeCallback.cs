using Dealix.Functions.Infrastructure.Outbox;
using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Deals;

/// <summary>
/// The RFC 8058 one-click unsubscribe target of outbound e-mail (<c>List-Unsubscribe</c>):
/// <c>POST /api/v1/unsubscribe/{token}</c> with <c>List-Unsubscribe=One-Click</c> opts the contact out at once — its deal
/// gets an opt-out message, so the contact is suppressed and its drafts and timers are cancelled. A <c>GET</c> (link
/// scanners) only shows a page. A forged token gets 403.
/// </summary>
public static class UnsubscribeCallback
{
    public const string ShowName = "UnsubscribeShow";
    public const string Name = "Unsubscribe";

    [Function(ShowName)]
    public static Task<IResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "v1/unsubscribe/{token}")] HttpRequest request, string token, UnsubscribeLinks links) =>
        Task.FromResult(links.Read(token) is null
            ? DealHttp.Forbidden("This link is not valid.", DealHttp.CorrelationId(request))
            : Results.Content("""<!doctype html><meta charset="utf-8"><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button>إلغاء الاشتراك / Unsubscribe</button></form>""", "text/html; charset=utf-8"));

    [Function(Name)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "v1/unsubscribe/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        UnsubscribeLinks links,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        if (links.Read(token) is not { } who)
        {
            return DealHttp.Forbidden("This unsubscribe link is not valid.", correlationId);
        }

        string instanceId = DealKeys.DealInstanceId(who.TenantId, who.ContactId);
        if (await client.GetInstanceAsync(instanceId, cancellation: cancellation) is { IsRunning: true })
        {
            // The deal knows the address; an opt-out message makes it suppress the contact and stop everything.
            await client.RaiseEventAsync(instanceId, DealEvents.InboundMessageReceived, new InboundMessage(
                who.TenantId, who.ContactId, MessageChannel.Email, $"unsubscribe-{correlationId}", string.Empty, "unsubscribe",
                clock.GetUtcNow().UtcDateTime, correlationId), cancellation);
        }

        return Results.Ok(new { unsubscribed = true, correlation_id = correlationId });
    }
}
