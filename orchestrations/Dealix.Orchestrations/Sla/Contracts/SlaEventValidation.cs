namespace Dealix.Orchestrations.Sla.Contracts;

/// <summary>Whether an event may be appended to a ticket's SLA log, and why not (a stable code plus a message).</summary>
public sealed record SlaEventValidation(bool Accepted, string? Code, string? Reason)
{
    /// <summary>The event may be appended.</summary>
    public static SlaEventValidation Ok { get; } = new(true, null, null);

    /// <summary>The event is rejected.</summary>
    public static SlaEventValidation Reject(string code, string reason) => new(false, code, reason);
}
