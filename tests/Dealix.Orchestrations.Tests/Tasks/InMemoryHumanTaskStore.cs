using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;

namespace Dealix.Orchestrations.Tests.Tasks;

/// <summary>The task store in memory, with the same semantics as the table store (rules applied under a lock).</summary>
public sealed class InMemoryHumanTaskStore : IHumanTaskStore
{
    private readonly Dictionary<string, HumanTask> _tasks = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<bool> CreateAsync(HumanTask task, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tasks.TryAdd(task.TaskId, task));
        }
    }

    public Task<HumanTask?> GetAsync(string tenant, string taskId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tasks.TryGetValue(taskId, out HumanTask? task) && task.Tenant == tenant ? task : null);
        }
    }

    public Task<string?> FindTenantAsync(string taskId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_tasks.TryGetValue(taskId, out HumanTask? task) ? task.Tenant : null);
        }
    }

    public Task<HumanTaskDecision?> UpdateAsync(string tenant, string taskId, Func<HumanTask, HumanTaskDecision> rule, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_tasks.TryGetValue(taskId, out HumanTask? task) || task.Tenant != tenant)
            {
                return Task.FromResult<HumanTaskDecision?>(null);
            }

            HumanTaskDecision decision = rule(task);
            if (decision.Changed)
            {
                _tasks[taskId] = decision.Task;
            }

            return Task.FromResult<HumanTaskDecision?>(decision);
        }
    }

    public Task<HumanTaskPage> ListAsync(string tenant, HumanTaskQuery query, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(new HumanTaskPage([.. _tasks.Values.Where(t => t.Tenant == tenant && (query.Status is null || t.Status == query.Status)
                && (query.Area is null || t.Area == query.Area) && (query.OwnerRole is null || t.OwnerRole == query.OwnerRole)).OrderBy(t => t.DueAt)], null));
        }
    }

    public Task<IReadOnlyList<HumanTask>> ListOverdueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<HumanTask>>([.. _tasks.Values.Where(t => t.IsOpen && t.DueAt <= now).OrderBy(t => t.DueAt).Take(max)]);
        }
    }

    public Task<IReadOnlyList<HumanTask>> ListUndeliveredAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<HumanTask>>([.. _tasks.Values.Where(t => !t.IsOpen && !t.Delivered).OrderBy(t => t.DueAt).Take(max)]);
        }
    }
}
