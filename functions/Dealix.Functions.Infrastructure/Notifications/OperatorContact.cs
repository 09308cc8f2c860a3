namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>One operator's channels, from <c>Operators:Contacts:{Id}</c>. <see cref="Tenant"/> <c>*</c> = every tenant
/// (the founder). Addresses are personal data: never logged.</summary>
public sealed record OperatorContact(string Id, string Tenant, string Role, string? Email, string? WhatsApp)
{
    /// <summary>True when the contact serves <paramref name="tenant"/>.</summary>
    public bool Serves(string tenant) => Tenant == OperatorDirectory.AnyTenant || string.Equals(Tenant, tenant, StringComparison.Ordinal);
}
