using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Outreach.Activities;

/// <summary>
/// Sends one approved draft through the app's sender (at most once, with every re-check of §10.6) and counts a sent
/// message against the tenant's daily cap. Returns what the sender did.
/// </summary>
[DurableTask(Name)]
public sealed class SendApprovedDraft(IDraftSender sender, ISendLog sendLog, TimeProvider clock) : TaskActivity<OutboundMessage, string>
{
    public const string Name = "SendApprovedDraft";

    /// <summary>The sender's answer for a message the provider accepted.</summary>
    public const string Sent = "sent";

    public override async Task<string> RunAsync(TaskActivityContext context, OutboundMessage input)
    {
        ArgumentNullException.ThrowIfNull(input);
        string disposition = await sender.SendAsync(input);
        if (disposition == Sent)
        {
            await sendLog.RecordAsync(input.TenantId, input.Channel, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(3)), input.DraftId);
        }

        return disposition;
    }
}
