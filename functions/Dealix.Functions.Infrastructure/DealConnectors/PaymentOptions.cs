namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>
/// Settings section <c>Payments</c>: the payment webhook. Each tenant has its own Moyasar account and so its own webhook
/// <c>secret_token</c> (<c>Payments:SecretTokens:{tenant}</c>, a secret); a tenant without one receives nothing.
/// </summary>
public sealed class PaymentOptions
{
    public const string Section = "Payments";

    public Dictionary<string, string> SecretTokens { get; set; } = new(StringComparer.Ordinal);
}
