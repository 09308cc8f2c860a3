using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Deals;

/// <summary>Who a key speaks for on the operator routes.</summary>
public enum ScopeKind
{
    /// <summary>A valid key that is bound to no tenant (the host key, a per-function key): stateless routes only.</summary>
    Unscoped,

    /// <summary>An operator key bound to one tenant.</summary>
    Tenant,

    /// <summary>An operator key marked <c>Admin</c>: every tenant, and the global kill switch.</summary>
    AdminOperator,

    /// <summary>The master key (Functions semantics: master = admin): every tenant, and the global kill switch.</summary>
    Master,
}

/// <summary>The caller's scope: <paramref name="KeyId"/> names the key (never the key itself) for the ledger.</summary>
public sealed record CallerScope(ScopeKind Kind, string KeyId, string? Tenant)
{
    public bool IsAdmin => Kind is ScopeKind.AdminOperator or ScopeKind.Master;
}

/// <summary>
/// The operator keys, from settings: <c>Operators:Keys:{id}:Key</c> (the key) with either <c>Operators:Keys:{id}:Tenant</c>
/// (the one tenant it acts for) or <c>Operators:Keys:{id}:Admin = true</c> (every tenant). A key may be given as
/// <c>Operators:Keys:{id}:KeySha256</c> (lower-case hex SHA-256 of the key) instead, so the settings hold no key. An
/// entry with neither a tenant nor Admin, or with both, is refused at start (fail closed). <c>Keys:Master</c> is admin;
/// <c>Keys:Host</c> is admin only when <c>Operators:HostKeyIsAdmin</c> is <c>true</c>, otherwise unscoped. Keys are
/// compared in constant time and never logged.
/// </summary>
public sealed class OperatorKeys
{
    public const string Section = "Operators:Keys";

    private readonly byte[]? _master;
    private readonly byte[]? _host;
    private readonly bool _hostIsAdmin;
    private readonly IReadOnlyList<Entry> _entries;

    public OperatorKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _master = Hash(configuration["Keys:Master"]);
        _host = Hash(configuration["Keys:Host"]);
        _hostIsAdmin = bool.TryParse(configuration["Operators:HostKeyIsAdmin"], out bool h) && h;
        var entries = new List<Entry>();
        foreach (IConfigurationSection entry in configuration.GetSection(Section).GetChildren())
        {
            byte[]? hash = Hash(entry["Key"]) ?? FromHex(entry["KeySha256"], entry.Key);
            if (hash is null)
            {
                continue;
            }

            string? tenant = string.IsNullOrWhiteSpace(entry["Tenant"]) ? null : entry["Tenant"]!.Trim();
            bool admin = bool.TryParse(entry["Admin"], out bool a) && a;
            if (admin == (tenant is not null))
            {
                throw new InvalidOperationException($"{Section}:{entry.Key} must name exactly one of Tenant or Admin=true.");
            }

            if (tenant is not null && !Orchestrations.Deals.Lifecycle.DealKeys.IsValidKey(tenant, Orchestrations.Deals.Lifecycle.DealKeys.MaxTenantIdLength))
            {
                throw new InvalidOperationException($"{Section}:{entry.Key}:Tenant is not a valid tenant id.");
            }

            entries.Add(new Entry(entry.Key, hash, tenant, admin));
        }

        _entries = entries;
    }

    /// <summary>The scope of <paramref name="presented"/>, or null when it is no key of this app.</summary>
    public CallerScope? Resolve(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return null;
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        CallerScope? found = null;

        // Every candidate is compared (no early exit), so the time taken does not tell which key matched.
        foreach (Entry entry in _entries)
        {
            if (CryptographicOperations.FixedTimeEquals(entry.Hash, hash) && found is null)
            {
                found = new CallerScope(entry.Admin ? ScopeKind.AdminOperator : ScopeKind.Tenant, entry.Id, entry.Tenant);
            }
        }

        bool master = _master is not null && CryptographicOperations.FixedTimeEquals(_master, hash);
        bool host = _host is not null && CryptographicOperations.FixedTimeEquals(_host, hash);
        return master ? new CallerScope(ScopeKind.Master, "master", null)
            : found ?? (host ? new CallerScope(_hostIsAdmin ? ScopeKind.AdminOperator : ScopeKind.Unscoped, "host", null)
            : new CallerScope(ScopeKind.Unscoped, "function", null));
    }

    private static byte[]? Hash(string? key) => string.IsNullOrWhiteSpace(key) ? null : SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static byte[]? FromHex(string? hex, string id)
    {
        if (string.IsNullOrWhiteSpace(hex))
        {
            return null;
        }

        try
        {
            byte[] bytes = Convert.FromHexString(hex.Trim());
            return bytes.Length == 32 ? bytes : throw new FormatException();
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{Section}:{id}:KeySha256 must be 64 hex digits.");
        }
    }

    private sealed record Entry(string Id, byte[] Hash, string? Tenant, bool Admin);
}
