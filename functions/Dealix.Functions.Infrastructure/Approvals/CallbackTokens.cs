using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>
/// Signed, expiring, single-use approval callback tokens bound to a draft, a tenant and an operator:
/// <c>v1.{base64url(claims JSON)}.{base64url(HMAC-SHA256(key, "v1." + claims part))}</c>. Verification checks the
/// signature in constant time before reading anything, then expiry, tenant and draft, and finally consumes the nonce.
/// Tokens are secrets: never logged.
/// </summary>
public sealed class CallbackTokens
{
    private const string Version = "v1";
    private readonly byte[] _key;
    private readonly ApprovalOptions _options;
    private readonly ICallbackTokenLedger _ledger;
    private readonly TimeProvider _clock;

    public CallbackTokens(IOptions<ApprovalOptions> options, ICallbackTokenLedger ledger, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (_options.CallbackSigningKey.Length < 32)
        {
            throw new InvalidOperationException("Approvals:CallbackSigningKey must be set to at least 32 characters.");
        }

        _key = Encoding.UTF8.GetBytes(_options.CallbackSigningKey);
        _ledger = ledger;
        _clock = clock;
    }

    /// <summary>A new token for one decision.</summary>
    public string Issue(string tenantId, string draftId, string operatorId, string action)
    {
        string nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        DateTimeOffset expires = _clock.GetUtcNow() + _options.CallbackLifetime;
        byte[] payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(tenantId, draftId, operatorId, action, nonce, expires.ToUnixTimeSeconds()));
        string head = $"{Version}.{Base64Url.EncodeToString(payload)}";
        return $"{head}.{Base64Url.EncodeToString(Sign(head))}";
    }

    /// <summary>The callback URL of one decision: <c>{base}/api/v1/approval-center/{draft}/callback?tenant=…&amp;token=…</c>.</summary>
    public string CallbackUrl(string tenantId, string draftId, string operatorId, string action) =>
        $"{_options.PublicBaseUrl.TrimEnd('/')}/api/v1/approval-center/{Uri.EscapeDataString(draftId)}/callback" +
        $"?tenant={Uri.EscapeDataString(tenantId)}&token={Uri.EscapeDataString(Issue(tenantId, draftId, operatorId, action))}";

    /// <summary>Checks a token presented for <paramref name="draftId"/> of <paramref name="tenantId"/> and, when every check
    /// passes, consumes it.</summary>
    public async Task<CallbackTokenCheck> RedeemAsync(string? token, string tenantId, string draftId, CancellationToken cancellationToken = default)
    {
        CallbackTokenCheck check = Read(token);
        if (!check.IsValid)
        {
            return check;
        }

        CallbackClaims claims = check.Claims!;
        if (claims.ExpiresAt <= _clock.GetUtcNow())
        {
            return new(CallbackTokenVerdict.Expired, claims);
        }

        if (!string.Equals(claims.TenantId, tenantId, StringComparison.Ordinal))
        {
            return new(CallbackTokenVerdict.WrongTenant, claims);
        }

        if (!string.Equals(claims.DraftId, draftId, StringComparison.Ordinal))
        {
            return new(CallbackTokenVerdict.WrongDraft, claims);
        }

        return await _ledger.TryConsumeAsync(claims.TenantId, claims.Nonce, claims.ExpiresAt, cancellationToken)
            ? check
            : new(CallbackTokenVerdict.AlreadyUsed, claims);
    }

    /// <summary>Verifies the signature and reads the claims, without checking expiry or consuming.</summary>
    public CallbackTokenCheck Read(string? token)
    {
        string[] parts = token?.Split('.') ?? [];
        if (parts.Length != 3 || parts[0] != Version || parts[1].Length == 0 || parts[2].Length == 0)
        {
            return new(CallbackTokenVerdict.Malformed, null);
        }

        byte[] signature;
        byte[] payload;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
            payload = Base64Url.DecodeFromChars(parts[1]);
        }
        catch (FormatException)
        {
            return new(CallbackTokenVerdict.Malformed, null);
        }

        if (!CryptographicOperations.FixedTimeEquals(Sign($"{parts[0]}.{parts[1]}"), signature))
        {
            return new(CallbackTokenVerdict.BadSignature, null);
        }

        try
        {
            Payload? p = JsonSerializer.Deserialize<Payload>(payload);
            if (p is null || p.T is null || p.D is null || p.O is null || p.A is null || p.N is null)
            {
                return new(CallbackTokenVerdict.Malformed, null);
            }

            return new(CallbackTokenVerdict.Valid, new CallbackClaims(p.T, p.D, p.O, p.A, p.N, DateTimeOffset.FromUnixTimeSeconds(p.E)));
        }
        catch (JsonException)
        {
            return new(CallbackTokenVerdict.Malformed, null);
        }
    }

    private byte[] Sign(string head) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(head));

    // WARNING: the token's wire shape; changing it invalidates every outstanding callback URL.
    private sealed record Payload(string T, string D, string O, string A, string N, long E);
}
