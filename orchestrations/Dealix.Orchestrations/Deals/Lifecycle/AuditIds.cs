using System.Security.Cryptography;
using System.Text;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// Ledger line ids derived from the idempotency key an activity got in its input (made by the orchestrator with
/// <see cref="DealKeys.IdempotencyKey"/>), so a retried activity rewrites its own line.
/// </summary>
public static class AuditIds
{
    /// <summary>A 32-hex-digit id for the <paramref name="slot"/>-th line written under <paramref name="idempotencyKey"/>.</summary>
    public static string From(string idempotencyKey, string slot = "0")
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{idempotencyKey}#{slot}")), 0, 16);
    }
}
