namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// What connecting never enables (DOMAIN.md §6.5, invariant I2): Gmail never sends, Calendar never inserts, Moyasar
/// never charges and WhatsApp never cold-sends because a connector is connected. A live action needs the environment's
/// live flag and a human approval; a cold WhatsApp send and a charge are never automated (I3, §17.9). Pure.
/// </summary>
public static class ConnectorPolicy
{
    private static readonly Dictionary<string, string[]> NeverByConnecting = new(StringComparer.Ordinal)
    {
        ["gmail"] = ["send"],
        ["google_calendar"] = ["insert"],
        ["moyasar"] = ["charge"],
        ["whatsapp_cloud"] = ["cold_send"],
    };

    private static readonly string[] NeverAutomated = ["charge", "cold_send"];

    /// <summary>The actions connecting <paramref name="connectorId"/> does not enable.</summary>
    public static IReadOnlyList<string> NeverEnables(string connectorId) => NeverByConnecting.TryGetValue(connectorId, out string[]? actions) ? actions : [];

    /// <summary>
    /// Whether automation may perform <paramref name="action"/> through a connector in <paramref name="state"/>:
    /// reading and drafting need a connected state; anything live needs the live flag and an approval, and a
    /// connector in <c>connected_draft_only</c> never executes. Returns null when allowed, else the reason.
    /// </summary>
    public static string? Refusal(string connectorId, string state, string action, bool liveFlag, bool approved)
    {
        if (state is not ("connected_draft_only" or "connected_approved_execute"))
        {
            return "not_connected";
        }

        if (NeverAutomated.Contains(action))
        {
            return "never_automated";
        }

        if (action is "read" or "ingest" or "create_draft")
        {
            return null;
        }

        if (state == "connected_draft_only")
        {
            return NeverEnables(connectorId).Contains(action) ? "never_enabled_by_connecting" : "draft_only";
        }

        return !liveFlag ? "live_flag_off" : !approved ? "approval_required" : null;
    }
}
