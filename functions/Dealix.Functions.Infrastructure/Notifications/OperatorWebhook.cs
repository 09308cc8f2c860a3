namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>A team-chat (or any) receiver of signed alert posts, from <c>Operators:Webhooks:{Id}</c>: every alert of its
/// tenant (<c>*</c> = every tenant) is posted to <see cref="Url"/>, signed with <see cref="Secret"/>.</summary>
public sealed record OperatorWebhook(string Id, string Tenant, Uri Url, string Secret)
{
    /// <summary>True when the webhook serves <paramref name="tenant"/>.</summary>
    public bool Serves(string tenant) => Tenant == OperatorDirectory.AnyTenant || string.Equals(Tenant, tenant, StringComparison.Ordinal);
}
