namespace Dealix.Orchestrations.Tasks;

/// <summary>An ended task whose outcome still has to reach <paramref name="InstanceId"/> (the sweep re-raises it).</summary>
public sealed record HumanTaskDelivery(string Tenant, string TaskId, string InstanceId, HumanTaskOutcome Outcome);
