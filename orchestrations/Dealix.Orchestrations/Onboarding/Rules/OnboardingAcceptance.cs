using Dealix.Orchestrations.Onboarding.Contracts;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// The acceptance criteria of DOMAIN.md §5.4: steps 1–6 completed (7 and 8 are asynchronous), the connector gate
/// open, Proof Pack v1 delivered and approved, and the customer-success cadence active. Pure.
/// </summary>
public static class OnboardingAcceptance
{
    /// <summary>The criteria not met yet (empty: the customer counts as onboarded).</summary>
    public static IReadOnlyList<string> Unmet(OnboardingStatus status, ConnectorGate gate, bool customerSuccessActive)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(gate);
        var unmet = new List<string>();
        if (status.Steps.Take(6).Any(s => !s.Completed))
        {
            unmet.Add("steps_completed");
        }

        if (!gate.ReadyForFirstService)
        {
            unmet.Add("ready_for_first_service");
        }

        if (!status.ProofPackApproved)
        {
            unmet.Add("proof_pack_v1_approved");
        }

        if (!customerSuccessActive)
        {
            unmet.Add("customer_success_active");
        }

        return unmet;
    }
}
