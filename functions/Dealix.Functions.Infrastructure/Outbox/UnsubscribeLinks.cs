using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Functions.Infrastructure.Channels;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>
/// Opaque, unguessable one-click unsubscribe links (RFC 8058): <c>u1.{tenant}.{contact}.{base64url(HMAC)}</c> in the URL
/// path. The contact id is already a hash, so the link carries no address.
/// </summary>
public sealed class UnsubscribeLinks(IOptions<ApprovalOptions> approvals, IOptions<SmtpOptions> smtp)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes("unsubscribe|" + approvals.Value.CallbackSigningKey);

    /// <summary>The token for a contact.</summary>
    public string Token(string tenantId, string contactId) => $"u1.{tenantId}.{contactId}.{Sign(tenantId, contactId)}";

    /// <summary>The HTTPS one-click URL for a contact.</summary>
    public string Url(string tenantId, string contactId) => $"{smtp.Value.UnsubscribeBaseUrl.TrimEnd('/')}/{Token(tenantId, contactId)}";

    /// <summary>The mailto URI for a contact.</summary>
    public string Mailto(string tenantId, string contactId) => $"mailto:{smtp.Value.UnsubscribeMailbox}?subject=unsubscribe-{Token(tenantId, contactId)}";

    /// <summary>Reads a token back; null when malformed or forged.</summary>
    public (string TenantId, string ContactId)? Read(string? token)
    {
        string[] parts = token?.Split('.') ?? [];
        if (parts.Length != 4 || parts[0] != "u1")
        {
            return null;
        }

        byte[] expected = Encoding.ASCII.GetBytes(Sign(parts[1], parts[2]));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3])) ? (parts[1], parts[2]) : null;
    }

    private string Sign(string tenantId, string contactId) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{tenantId}|{contactId}")).AsSpan(0, 18));
}
