using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>One provider for one channel. Adapters never throw for provider answers: they classify them into a
/// <see cref="ChannelSendResult"/>; an exception means a bug.</summary>
public interface IChannelAdapter
{
    /// <summary>The provider name (<c>ultramsg</c>, <c>whatsapp_cloud</c>, <c>smtp</c>, <c>unifonic</c>).</summary>
    string Provider { get; }

    /// <summary>The channel it serves.</summary>
    MessageChannel Channel { get; }

    /// <summary>True when its settings are complete.</summary>
    bool IsConfigured { get; }

    /// <summary>Sends one message, with the provider timeouts and safe retries of <see cref="ProviderResilience"/>.</summary>
    Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default);
}
