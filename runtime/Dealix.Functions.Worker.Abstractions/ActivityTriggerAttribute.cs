namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Marks the input parameter of an activity function. The function is registered as an activity under its function
/// name; <c>string instanceId</c>, <c>TaskActivityContext</c>, <c>FunctionContext</c> and <c>CancellationToken</c>
/// parameters may be added.
/// </summary>
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>The activity name (the function name when null).</summary>
    public string? Activity { get; set; }
}
