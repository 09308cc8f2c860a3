using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>Deterministic ids of the onboarding area: one onboarding and one cadence per customer.</summary>
public static class OnboardingKeys
{
    /// <summary>The customer-success cadence orchestration (built by the customer-success area).</summary>
    public const string CustomerSuccessOrchestrator = "CustomerSuccessCadence";

    /// <summary><c>onboarding:{tenantId}:{customerId}</c>; both validated.</summary>
    public static string InstanceId(string tenantId, string customerId)
    {
        Require(tenantId, DealKeys.MaxTenantIdLength, nameof(tenantId));
        Require(customerId, 48, nameof(customerId));
        return $"onboarding:{tenantId}:{customerId}";
    }

    /// <summary><c>cs:{tenantId}:{customerId}</c>.</summary>
    public static string CustomerSuccessInstanceId(string tenantId, string customerId) => $"cs:{tenantId}:{customerId}";

    /// <summary>The approval draft id of one attempt at one step: a valid approval id, the same on every replay.</summary>
    public static string ApprovalDraftId(string instanceId, string stepId, int attempt) =>
        "ob" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{instanceId}|{stepId}|{attempt}")), 0, 16);

    private static void Require(string value, int max, string name)
    {
        if (!DealKeys.IsValidKey(value, max))
        {
            throw new ArgumentException($"'{name}' must be 1–{max} characters of A–Z, a–z, 0–9, '-' or '_'.", name);
        }
    }
}
