namespace Dealix.Orchestrations.Tasks;

/// <summary>
/// A step owned by a human role (§2, §19.1, §20) that an orchestration waits on. <paramref name="TaskId"/> is made by the
/// orchestration from its instance and step (e.g. <c>$"{instanceId}:{step}"</c>), so a replayed or retried create
/// finds the same task. <paramref name="Area"/> is one of <see cref="Rules.HumanTaskValues.Areas"/>,
/// <paramref name="OwnerRole"/> one of <see cref="Rules.HumanTaskValues.Roles"/>; <paramref name="InstanceId"/> is the
/// instance that receives <see cref="HumanTaskEvents.Completed"/>; <paramref name="DueAt"/> is the step's SLA.
/// </summary>
public sealed record HumanTaskRequest(string TaskId, string Tenant, string Area, string Kind, string Title,
    string OwnerRole, string InstanceId, DateTimeOffset DueAt, string? SubjectId = null,
    IReadOnlyDictionary<string, string>? Details = null);
