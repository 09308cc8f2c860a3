namespace Dealix.Orchestrations.Tasks.Rules;

/// <summary>
/// Overdue human tasks climb the §4.6 ladder one rung per period: L1 <c>operator</c> → L2 <c>team_lead</c> → L3
/// <c>founder</c>. The rungs are those above the owner: a customer's task goes to the operator first, an operator's
/// (also <c>csm</c>, <c>support</c>) or an engineer's (the side rung) to the team lead, a team lead's to the founder,
/// and a founder's own task reminds the founder once. Rung <c>n</c> is due at <c>DueAt + (n − 1) × period</c>, where the
/// period is the task's own SLA (<c>DueAt − CreatedAt</c>) kept between 15 minutes and 24 hours. Each rung is taken once:
/// the task records its level, and a sweep takes at most one rung per task.
/// </summary>
public static class EscalationLadder
{
    public static readonly TimeSpan MinPeriod = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromHours(24);

    /// <summary>The roles told, in order, when a task of <paramref name="ownerRole"/> stays overdue.</summary>
    public static IReadOnlyList<string> Rungs(string ownerRole) => ownerRole switch
    {
        "customer" or "customer_approver" => ["operator", "team_lead", "founder"],
        "team_lead" => ["founder"],
        "founder" => ["founder"],
        _ => ["team_lead", "founder"],
    };

    /// <summary>How long each rung waits after the previous one.</summary>
    public static TimeSpan Period(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        TimeSpan sla = task.DueAt - task.CreatedAt;
        return sla < MinPeriod ? MinPeriod : sla > MaxPeriod ? MaxPeriod : sla;
    }

    /// <summary>When the next rung of <paramref name="task"/> is due, or null when it is closed or at the top.</summary>
    public static DateTimeOffset? NextAt(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return !task.IsOpen || task.EscalationLevel >= Rungs(task.OwnerRole).Count
            ? null
            : task.DueAt + (Period(task) * task.EscalationLevel);
    }

    /// <summary>The rung to take at <paramref name="now"/>, or null when none is due.</summary>
    public static EscalationStep? Next(HumanTask task, DateTimeOffset now)
    {
        if (NextAt(task) is not { } at || now < at)
        {
            return null;
        }

        string role = Rungs(task.OwnerRole)[task.EscalationLevel];
        return new EscalationStep(task.EscalationLevel + 1, role, role == "founder" ? "critical" : "warning");
    }

    /// <summary>Records <paramref name="step"/> on the task, unless that rung (or a later one) was already taken.</summary>
    public static HumanTaskDecision Apply(HumanTask task, EscalationStep step, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(step);
        return task.IsOpen && task.EscalationLevel == step.Level - 1
            ? HumanTaskDecision.Change(task with { EscalationLevel = step.Level, EscalatedTo = step.Role, EscalatedAt = now })
            : HumanTaskDecision.Refuse(task, $"Rung {step.Level} is not the next rung of this task.");
    }
}
