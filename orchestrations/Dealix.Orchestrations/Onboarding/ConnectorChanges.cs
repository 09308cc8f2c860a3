using Dealix.Orchestrations.Onboarding.Contracts;
using Dealix.Orchestrations.Onboarding.Ports;
using Dealix.Orchestrations.Onboarding.Rules;

namespace Dealix.Orchestrations.Onboarding;

/// <summary>
/// Applies a connector change through the §6.3 machine with a conditional write, so every transition — from the API or
/// from an activity — is checked against the state actually stored.
/// </summary>
public static class ConnectorChanges
{
    /// <summary>Applies <paramref name="update"/>; a refused change writes nothing.</summary>
    public static async Task<ConnectorUpdateResult> ApplyAsync(IConnectorStore store, ConnectorUpdate update, DateTime now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(update);
        ConnectorUpdateResult? result = null;
        if (!OnboardingRules.Connectors.Any(c => c.Id == update.ConnectorId))
        {
            return ConnectorMachine.Apply(null, update, now);
        }

        await store.UpdateAsync(update.TenantId, update.CustomerId, update.ConnectorId, stored =>
        {
            result = ConnectorMachine.Apply(stored, update, now);
            return result.Applied ? result.Record : null;
        }, cancellationToken);
        return result!;
    }
}
