namespace Dealix.Orchestrations.Scheduling.Ports;

/// <summary>The tenants a scheduled job runs for.</summary>
public interface ITenantDirectory
{
    /// <summary>The tenant ids <paramref name="job"/> runs for, in a stable order.</summary>
    Task<IReadOnlyList<string>> ListAsync(string job, CancellationToken cancellationToken = default);
}
