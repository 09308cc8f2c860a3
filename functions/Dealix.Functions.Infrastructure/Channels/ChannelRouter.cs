using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Picks providers per channel and falls back only when it is safe (§10.6): WhatsApp goes through Ultramsg first where
/// configured and falls back to the Cloud API only when Ultramsg certainly did not send (rejected, unreachable, not
/// configured, or the call failed before anything reached it); an unknown outcome never falls back, since that could deliver the message twice.
/// </summary>
public sealed class ChannelRouter(IEnumerable<IChannelAdapter> adapters)
{
    private static readonly string[] WhatsAppOrder = [UltramsgAdapter.ProviderName, WhatsAppCloudAdapter.ProviderName];
    private readonly IReadOnlyList<IChannelAdapter> _adapters = [.. adapters];

    /// <summary>True for channels with no automated provider (LinkedIn: <c>manual_required</c>).</summary>
    public static bool IsManual(MessageChannel channel) => channel == MessageChannel.LinkedIn;

    /// <summary>Sends through the first configured provider of the channel, falling back as described.</summary>
    public async Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A template message exists only on the Cloud API; a gateway would send it as free text.
        var candidates = _adapters.Where(a => a.Channel == request.Channel && a.IsConfigured)
            .Where(a => request.Template is null || a.Provider == WhatsAppCloudAdapter.ProviderName)
            .OrderBy(a => Array.IndexOf(WhatsAppOrder, a.Provider) is var i && i >= 0 ? i : int.MaxValue)
            .ToList();
        if (candidates.Count == 0)
        {
            return ChannelSendResult.Rejected("none", "no_provider_configured");
        }

        ChannelSendResult result = ChannelSendResult.Rejected("none", "no_provider_configured");
        foreach (IChannelAdapter adapter in candidates)
        {
            result = await adapter.SendAsync(request, cancellationToken);
            if (result.Outcome is not (SendOutcome.Rejected or SendOutcome.NotSent))
            {
                return result;
            }
        }

        return result;
    }
}
