namespace Dealix.Orchestrations.Tasks.Rules;

/// <summary>One rung of the ladder for an overdue task: the level it brings the task to, who is told, how loudly.</summary>
public sealed record EscalationStep(int Level, string Role, string Severity);
