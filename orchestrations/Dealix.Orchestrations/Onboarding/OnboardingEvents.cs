namespace Dealix.Orchestrations.Onboarding;

/// <summary>External event names of the onboarding area.</summary>
// WARNING: stored in history and used by the operator API; never change a value.
public static class OnboardingEvents
{
    /// <summary>A connector of the customer changed (payload: the connector id).</summary>
    public const string ConnectorsChanged = "ConnectorsChanged";

    /// <summary>The customer's input for one step (<see cref="Contracts.StepInput"/>).</summary>
    public static string StepInput(string stepId) => "OnboardingStepInput:" + stepId;
}
