namespace Dealix.DurableTask.Client;

/// <summary>Options for purging one instance.</summary>
/// <param name="Recursive">Also purge its sub-orchestrations.</param>
public sealed record PurgeInstanceOptions(bool Recursive = false);
