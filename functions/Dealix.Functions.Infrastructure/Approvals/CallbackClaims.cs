namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>What a callback token grants: one decision (<c>approve</c> or <c>reject</c>) on one draft of one tenant, by
/// one operator, once, until <see cref="ExpiresAt"/>.</summary>
public sealed record CallbackClaims(string TenantId, string DraftId, string OperatorId, string Action, string Nonce, DateTimeOffset ExpiresAt);
