namespace Dealix.Orchestrations.Tasks.Rules;

/// <summary>
/// What a rule decided on a task: <see cref="Task"/> is the task as it should be stored; <see cref="Changed"/> says it
/// differs from the stored one; <see cref="Conflict"/> (with <see cref="Changed"/> false) says why the change is refused.
/// A decision with neither is an idempotent repeat: nothing to store, the same answer as the first time.
/// </summary>
public sealed record HumanTaskDecision(HumanTask Task, bool Changed, string? Conflict = null)
{
    public static HumanTaskDecision Change(HumanTask next) => new(next, true);

    public static HumanTaskDecision Same(HumanTask current) => new(current, false);

    public static HumanTaskDecision Refuse(HumanTask current, string conflict) => new(current, false, conflict);
}
