namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>Remembers used callback tokens (by nonce) so each is redeemed at most once.</summary>
public interface ICallbackTokenLedger
{
    /// <summary>Marks the nonce used; false when it was already used.</summary>
    Task<bool> TryConsumeAsync(string tenantId, string nonce, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
