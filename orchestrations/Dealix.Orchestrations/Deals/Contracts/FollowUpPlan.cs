namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// The next follow-up timer of a deal (§8.4). <see cref="Since"/> is when the current silence began (the last inbound
/// message or stage change); <see cref="Sent"/> counts the steps already taken in it. An inbound message resets both.
/// </summary>
/// <remarks>
/// <para><c>Trigger</c>: <c>follow_up_due</c>, <c>no_response_timeout</c> or <c>operator_task</c>.</para>
/// </remarks>
// WARNING: persisted in history (part of the deal state).
public sealed record FollowUpPlan(DateTime DueAt, string Trigger, int Sent, DateTime Since);
