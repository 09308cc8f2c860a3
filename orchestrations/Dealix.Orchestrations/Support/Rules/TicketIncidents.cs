using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;
using Dealix.Orchestrations.Support.Contracts;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// How a P0 ticket opens its incident (§11.2 P0 auto-actions, §13, §20): one incident per ticket, <c>p0-{ticketId}</c>
/// (instance <c>incident:{tenant}:p0-{ticketId}</c>), so a retried activity or a redelivered message finds the same one.
/// Triage reads what the customer reported (subject and body): the §13.1 promotion makes a leak, breach or unauthorised
/// send SEV1. The incident links back to the ticket (<c>TicketId</c>) and drafts its customer updates to the ticket's
/// e-mail address, if it came by e-mail. Pure.
/// </summary>
public static class TicketIncidents
{
    /// <summary>The prefix of a ticket's incident id.</summary>
    public const string Prefix = "p0-";

    /// <summary>The incident id of a ticket.</summary>
    public static string IncidentId(string ticketId) => Prefix + ticketId;

    /// <summary>The incident a P0 ticket opens; <paramref name="ticket"/> is the stored ticket (its text and reply address), if found.</summary>
    public static IncidentOpenRequest OpenRequest(IncidentRequest request, SupportTicket? ticket)
    {
        ArgumentNullException.ThrowIfNull(request);
        string text = string.Join("\n", new[] { ticket?.Subject, ticket?.Body }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (text.Length > IncidentRequests.MaxDescription)
        {
            text = text[..IncidentRequests.MaxDescription];
        }

        string? email = ticket?.ReplyTo is { Channel: MessageChannel.Email, Address: { } address } && IsPlainAddress(address) ? address : null;
        string correlationId = request.CorrelationId is { Length: > 0 and <= 128 } c ? c : "ticket-" + request.TicketId;
        return new IncidentOpenRequest(
            request.TenantId,
            IncidentId(request.TicketId),
            IncidentSources.Ticket,
            $"P0 support ticket {request.TicketId}",
            HasDataLeak: false,
            HasUnauthorizedSend: false,
            AffectedCustomers: 1,
            Description: text.Length > 0 ? text : null,
            PersonalDataExposed: false,
            DetectedAt: request.RequestedAt,
            correlationId,
            OpenedBy: "automation",
            TicketId: request.TicketId,
            CustomerEmail: email); // the scope of the customer's messages: the templates' default (their services with us)
    }

    private static bool IsPlainAddress(string address) =>
        address.Length <= 254 && address.Count(ch => ch == '@') == 1 && !address.StartsWith('@') && !address.EndsWith('@') && !address.Any(char.IsWhiteSpace);
}
