namespace Dealix.Azure.Functions.Worker;

/// <summary>One invocation of a function: its id, its definition, its services and its cancellation.</summary>
public abstract class FunctionContext
{
    /// <summary>The invocation id (new per invocation).</summary>
    public abstract string InvocationId { get; }

    /// <summary>The function id.</summary>
    public abstract string FunctionId { get; }

    /// <summary>The function being invoked.</summary>
    public abstract FunctionDefinition FunctionDefinition { get; }

    /// <summary>The invocation's service scope.</summary>
    public abstract IServiceProvider InstanceServices { get; set; }

    /// <summary>Values shared along the invocation.</summary>
    public abstract IDictionary<object, object> Items { get; set; }

    /// <summary>Trigger metadata (e.g. a queue message's <c>DequeueCount</c>, <c>Id</c>, <c>InsertionTime</c>).</summary>
    public abstract BindingContext BindingContext { get; }

    /// <summary>Cancelled when the host stops or the function timeout (host.json <c>functionTimeout</c>) lapses.</summary>
    public virtual CancellationToken CancellationToken => CancellationToken.None;
}
