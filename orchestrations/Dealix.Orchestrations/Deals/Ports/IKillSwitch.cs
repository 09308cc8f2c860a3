namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// The durable, global pause of every automated external action (§17.8). While paused, auto-replies, follow-ups and
/// sends wait; approvals may still be recorded.
/// </summary>
public interface IKillSwitch
{
    /// <summary>True while automation is paused (globally, or for this tenant by an incident freeze).</summary>
    Task<bool> IsPausedAsync(string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>Pauses or resumes automation; recorded with who and why.</summary>
    Task SetAsync(bool paused, string actor, string correlationId, CancellationToken cancellationToken = default);
}
