namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>
/// How a connector action ended: <c>executed</c> (the provider accepted it, or already had it), <c>not_executed</c>
/// (approved, but the connector's mode or the live flag does not allow it: <see cref="Reason"/> says which, and a task
/// asks a person to do it by hand), <c>skipped</c> (the connector is not connected), <c>rejected</c>, <c>expired</c>,
/// <c>refused</c> (no correlation id, I6) or <c>failed</c> (the provider refused it permanently).
/// </summary>
/// <remarks>WARNING: persisted in history (output).</remarks>
public sealed record ConnectorActionResult(string Outcome, string? Reason = null, string? ProviderId = null);
