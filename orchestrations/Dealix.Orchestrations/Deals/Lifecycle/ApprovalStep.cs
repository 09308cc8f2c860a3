using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>One step of an approval plan: at <see cref="DueAt"/>, notify per <see cref="Kind"/>.</summary>
public sealed record ApprovalStep(ApprovalStepKind Kind, DateTime DueAt);
