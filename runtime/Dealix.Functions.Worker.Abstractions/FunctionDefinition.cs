namespace Dealix.Azure.Functions.Worker;

/// <summary>Describes a function.</summary>
public abstract class FunctionDefinition
{
    /// <summary>The function name.</summary>
    public abstract string Name { get; }

    /// <summary>A stable id of the function (its name).</summary>
    public abstract string Id { get; }

    /// <summary>The entry point, <c>Namespace.Type.Method</c>.</summary>
    public abstract string EntryPoint { get; }
}
