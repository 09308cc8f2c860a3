namespace Dealix.Azure.Functions.Worker;

/// <summary>
/// Declares a method as a function. The name is what the host uses for routes, triggers, keys and settings
/// (<c>AzureWebJobs.{name}.Disabled</c>); for orchestrator and activity functions it is the task name stored in history.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    /// <summary>Declares a function.</summary>
    public FunctionAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The function name.</summary>
    public string Name { get; }
}
