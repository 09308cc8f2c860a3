namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>A provider call's outcome, the provider's message id when sent, and a short error code otherwise (no
/// personal data).</summary>
public sealed record ChannelSendResult(SendOutcome Outcome, string Provider, string? ProviderMessageId = null, string? Error = null)
{
    public static ChannelSendResult Sent(string provider, string? providerMessageId) => new(SendOutcome.Sent, provider, providerMessageId);

    public static ChannelSendResult Rejected(string provider, string error) => new(SendOutcome.Rejected, provider, null, error);

    public static ChannelSendResult NotSent(string provider, string error) => new(SendOutcome.NotSent, provider, null, error);

    public static ChannelSendResult Unknown(string provider, string error) => new(SendOutcome.Unknown, provider, null, error);
}
