namespace Dealix.Azure.Functions.Worker;

/// <summary>The trigger metadata of an invocation.</summary>
public abstract class BindingContext
{
    /// <summary>Metadata by name (case-insensitive).</summary>
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
