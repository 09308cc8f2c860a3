using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Orchestrations.Tasks.Ports;

/// <summary>
/// The one store of human tasks for every area (tenant = partition). Changes go through <see cref="UpdateAsync"/>: the
/// store reads the task, asks a rule (<see cref="HumanTaskRules"/>, <see cref="EscalationLadder"/>) what to write and
/// writes it only if nobody changed the task meanwhile, asking again otherwise; so of two racing operators one wins.
/// </summary>
public interface IHumanTaskStore
{
    /// <summary>Stores a new task; true when this call created it, false when a task with its id exists (left unchanged).</summary>
    Task<bool> CreateAsync(HumanTask task, CancellationToken cancellationToken = default);

    /// <summary>The tenant's task, or null (also when the id belongs to another tenant).</summary>
    Task<HumanTask?> GetAsync(string tenant, string taskId, CancellationToken cancellationToken = default);

    /// <summary>The tenant a task id belongs to, or null when no such task exists.</summary>
    Task<string?> FindTenantAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Applies <paramref name="rule"/> to the stored task; null when the task does not exist for the tenant.</summary>
    Task<HumanTaskDecision?> UpdateAsync(string tenant, string taskId, Func<HumanTask, HumanTaskDecision> rule, CancellationToken cancellationToken = default);

    /// <summary>One page of the tenant's tasks, oldest due first within the page.</summary>
    Task<HumanTaskPage> ListAsync(string tenant, HumanTaskQuery query, CancellationToken cancellationToken = default);

    /// <summary>Open or claimed tasks of every tenant whose due time is at or before <paramref name="now"/>, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<HumanTask>> ListOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Ended tasks of every tenant whose outcome has not been marked delivered, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<HumanTask>> ListUndeliveredAsync(int max, CancellationToken cancellationToken = default);
}
