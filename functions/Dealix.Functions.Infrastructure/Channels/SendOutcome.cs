namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>What a provider call established.</summary>
public enum SendOutcome
{
    /// <summary>The provider accepted the message.</summary>
    Sent,

    /// <summary>The provider refused it, or it never left: it was certainly not sent (another provider may try).</summary>
    Rejected,

    /// <summary>The call failed before any of it reached the provider (a timeout or a lost connection before the request
    /// body started): certainly not sent, and sent again later rather than failed or flagged.</summary>
    NotSent,

    /// <summary>The answer was lost (timeout, connection dropped, 5xx): it may have been sent. Goes to an operator; never
    /// retried blindly.</summary>
    Unknown,
}
