using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>
/// The input the customer-success cadence (<c>CustomerSuccessCadence</c>, instance <c>cs:{tenant}:{customerId}</c>)
/// is started with when onboarding completes: <c>{ tenant, customerId, bundle, startedAt }</c>.
/// </summary>
/// <remarks>WARNING: the names are the agreed contract with the customer-success area; never rename.</remarks>
public sealed record CustomerSuccessStart(
    [property: JsonPropertyName("tenant")] string Tenant,
    [property: JsonPropertyName("customerId")] string CustomerId,
    [property: JsonPropertyName("bundle")] string Bundle,
    [property: JsonPropertyName("startedAt")] DateTime StartedAt);
