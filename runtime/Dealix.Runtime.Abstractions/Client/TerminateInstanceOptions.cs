namespace Dealix.DurableTask.Client;

/// <summary>Options for terminating an instance.</summary>
/// <param name="Output">The output (or reason) recorded on the terminated instance.</param>
/// <param name="Recursive">Also terminate running sub-orchestrations.</param>
public sealed record TerminateInstanceOptions(object? Output = null, bool Recursive = false);
