namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Marks the <c>TaskOrchestrationContext</c> parameter of an orchestrator function. The function is registered as an
/// orchestrator under its function name; a second parameter, when present, receives the orchestration input.
/// </summary>
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>The orchestrator name (the function name when null).</summary>
    public string? Orchestration { get; set; }
}
