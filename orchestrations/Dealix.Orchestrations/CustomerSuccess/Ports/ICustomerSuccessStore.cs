using Dealix.Orchestrations.CustomerSuccess.Contracts;

namespace Dealix.Orchestrations.CustomerSuccess.Ports;

/// <summary>
/// The customer-success store: customers under a cadence, their health inputs, their daily scores and their scheduled
/// touchpoints. Tenant-scoped everywhere; the list methods that span tenants serve the scheduled jobs only.
/// </summary>
public interface ICustomerSuccessStore
{
    /// <summary>Creates or replaces the customer's cadence record.</summary>
    Task SaveCustomerAsync(CsCustomer customer, CancellationToken cancellationToken = default);

    /// <summary>The customer's cadence record, or null.</summary>
    Task<CsCustomer?> GetCustomerAsync(string tenant, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Every customer under a cadence, in a stable order (tenant, customer).</summary>
    Task<IReadOnlyList<CsCustomer>> ListCustomersAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the customer's health inputs.</summary>
    Task SaveHealthInputsAsync(string tenant, string customerId, HealthInputs inputs, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The customer's health inputs, or null when none were reported.</summary>
    Task<HealthInputs?> GetHealthInputsAsync(string tenant, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Stores a day's scores (a second write for the same day replaces the first).</summary>
    Task SaveScoreAsync(CsScore score, CancellationToken cancellationToken = default);

    /// <summary>The customer's latest scores, or null.</summary>
    Task<CsScore?> GetLatestScoreAsync(string tenant, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Adds touchpoints as <c>scheduled</c>; one already stored keeps its status.</summary>
    Task AddTouchpointsAsync(string tenant, string customerId, IReadOnlyList<CadenceTouchpoint> touchpoints, CancellationToken cancellationToken = default);

    /// <summary>Marks a touchpoint <c>held</c> with the task it created.</summary>
    Task MarkHeldAsync(string tenant, string customerId, string key, string taskId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The customer's touchpoints by due time.</summary>
    Task<IReadOnlyList<CsTouchpointRecord>> ListTouchpointsAsync(string tenant, string customerId, CancellationToken cancellationToken = default);

    /// <summary>Touchpoints of every tenant due in [<paramref name="from"/>, <paramref name="to"/>), by tenant then due time.</summary>
    Task<IReadOnlyList<CsTouchpointRecord>> ListDueTouchpointsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);
}
