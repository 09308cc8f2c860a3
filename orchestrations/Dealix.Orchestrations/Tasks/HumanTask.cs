namespace Dealix.Orchestrations.Tasks;

/// <summary>
/// A human task as stored: the request, who holds it, how it ended, whether the ending reached the waiting instance,
/// and how far up the escalation ladder (§4.6) it went. <see cref="Status"/> is one of
/// <see cref="Rules.HumanTaskValues.Statuses"/>; a closed task's status is its outcome.
/// </summary>
public sealed record HumanTask
{
    public required string TaskId { get; init; }

    public required string Tenant { get; init; }

    public required string Area { get; init; }

    public required string Kind { get; init; }

    public required string Title { get; init; }

    public required string OwnerRole { get; init; }

    public required string InstanceId { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public string? SubjectId { get; init; }

    public IReadOnlyDictionary<string, string>? Details { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string Status { get; init; }

    public string? ClaimedBy { get; init; }

    public DateTimeOffset? ClaimedAt { get; init; }

    public HumanTaskOutcome? Outcome { get; init; }

    /// <summary>True once the outcome was raised on <see cref="InstanceId"/> (or needs no delivery: a cancel).</summary>
    public bool Delivered { get; init; }

    /// <summary>How many rungs of the ladder were notified (0 = none).</summary>
    public int EscalationLevel { get; init; }

    /// <summary>The role the last rung notified.</summary>
    public string? EscalatedTo { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    /// <summary>True until the task is completed, rejected or cancelled.</summary>
    public bool IsOpen => Outcome is null;

    /// <summary>A new open task from its request.</summary>
    public static HumanTask From(HumanTaskRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new HumanTask
        {
            TaskId = request.TaskId,
            Tenant = request.Tenant,
            Area = request.Area,
            Kind = request.Kind,
            Title = request.Title,
            OwnerRole = request.OwnerRole,
            InstanceId = request.InstanceId,
            DueAt = request.DueAt,
            SubjectId = request.SubjectId,
            Details = request.Details,
            CreatedAt = createdAt,
            Status = Rules.HumanTaskValues.Open,
        };
    }
}
