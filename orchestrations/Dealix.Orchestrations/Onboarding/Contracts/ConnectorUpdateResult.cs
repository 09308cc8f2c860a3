namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// What a connector change did: applied (with the stored record), or refused with a stable error code
/// (<c>unknown_connector</c>, <c>invalid_state</c>, <c>invalid_transition</c>, <c>acceptance_required</c>,
/// <c>founder_approval_required</c>) and the states the connector may move to from where it is.
/// </summary>
/// <remarks>WARNING: persisted in history (activity output).</remarks>
public sealed record ConnectorUpdateResult(bool Applied, string? Error, ConnectorRecord? Record, IReadOnlyList<string> Allowed, string? Detail = null);
