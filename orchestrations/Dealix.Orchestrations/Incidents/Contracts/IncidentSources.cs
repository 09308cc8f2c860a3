namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>What opened an incident (§20): an operator, the uptime rule (§17.4) or a P0 ticket (§11).</summary>
// WARNING: persisted by value.
public static class IncidentSources
{
    public const string Operator = "operator";
    public const string Uptime = "uptime";
    public const string Ticket = "ticket";

    /// <summary>Every source.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Uptime, Ticket];
}
