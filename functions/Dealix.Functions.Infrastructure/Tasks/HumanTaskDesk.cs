using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;
using Dealix.Orchestrations.Tasks.Rules;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Tasks;

/// <summary>
/// What an operator does with a task: claim, release, complete. Each change is a conditional update of the store
/// through <see cref="HumanTaskRules"/> and a line on the tenant's audit ledger. Completing stores the outcome first,
/// then raises <see cref="HumanTaskEvents.Completed"/> on the task's instance and only then marks it delivered: a crash
/// or a failed raise in between leaves it undelivered, and the sweep raises it again.
/// </summary>
public sealed partial class HumanTaskDesk(IHumanTaskStore store, IAuditLedger ledger, TimeProvider clock, ILogger<HumanTaskDesk> log)
{
    public async Task<HumanTaskDecision?> ClaimAsync(string tenant, string taskId, string operatorId, string correlationId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = clock.GetUtcNow();
        HumanTaskDecision? decision = await store.UpdateAsync(tenant, taskId, t => HumanTaskRules.Claim(t, operatorId, now), cancellationToken);
        await RecordAsync(decision, "task_claimed", operatorId, correlationId, now, null, cancellationToken);
        return decision;
    }

    public async Task<HumanTaskDecision?> ReleaseAsync(string tenant, string taskId, string operatorId, bool admin, string correlationId,
        CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = clock.GetUtcNow();
        HumanTaskDecision? decision = await store.UpdateAsync(tenant, taskId, t => HumanTaskRules.Release(t, operatorId, admin), cancellationToken);
        await RecordAsync(decision, "task_released", operatorId, correlationId, now, null, cancellationToken);
        return decision;
    }

    /// <summary>
    /// Ends the task with <paramref name="outcome"/> and delivers it. A repeat of the same outcome delivers it again if it
    /// is still undelivered and answers as the first time; another outcome is a conflict.
    /// </summary>
    public async Task<HumanTaskDecision?> CompleteAsync(DurableTaskClient client, string tenant, string taskId, string outcome,
        IReadOnlyDictionary<string, string>? result, string operatorId, bool admin, string correlationId, CancellationToken cancellationToken = default)
    {
        DateTimeOffset now = clock.GetUtcNow();
        HumanTaskDecision? decision = await store.UpdateAsync(tenant, taskId, t => HumanTaskRules.Complete(t, outcome, result, operatorId, admin, now), cancellationToken);
        if (decision is null || decision.Conflict is not null)
        {
            return decision;
        }

        await RecordAsync(decision, "task_" + outcome, operatorId, correlationId, now, outcome, cancellationToken);
        return decision.Task.Delivered ? decision : decision with { Task = await DeliverAsync(client, decision.Task, cancellationToken) };
    }

    /// <summary>Raises the task's outcome on its instance and marks it delivered; on a failed raise returns it undelivered.</summary>
    public async Task<HumanTask> DeliverAsync(DurableTaskClient client, HumanTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(task);
        if (task.Outcome is null || task.Delivered)
        {
            return task;
        }

        try
        {
            await client.RaiseEventAsync(task.InstanceId, HumanTaskEvents.Completed(task.TaskId), task.Outcome, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The outcome is stored; the sweep raises it again.
            RaiseFailed(log, task.TaskId, task.InstanceId, e);
            return task;
        }

        HumanTaskDecision? marked = await store.UpdateAsync(task.Tenant, task.TaskId, HumanTaskRules.MarkDelivered, cancellationToken);
        return marked?.Task ?? task;
    }

    private async Task RecordAsync(HumanTaskDecision? decision, string action, string actor, string correlationId, DateTimeOffset now, string? outcome,
        CancellationToken cancellationToken)
    {
        if (decision is not { Changed: true })
        {
            return;
        }

        HumanTask task = decision.Task;
        string entryId = outcome is null ? Guid.NewGuid().ToString("N") : AuditIds.From($"task:{task.Tenant}:{task.TaskId}:{outcome}");
        await ledger.AppendAsync(new AuditEntry(entryId, task.Tenant, correlationId, action, "A", $"operator:{actor}", task.TaskId, now.UtcDateTime,
            To: task.OwnerRole, Outcome: outcome ?? task.Status), cancellationToken);
    }

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Task {TaskId}: raising its outcome on {InstanceId} failed; the sweep raises it again")]
    private static partial void RaiseFailed(ILogger logger, string taskId, string instanceId, Exception error);
}
