using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Invocation;

/// <summary>The <see cref="FunctionContext"/> of one invocation in this host.</summary>
internal sealed class HostFunctionContext(FunctionDefinition definition, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData, CancellationToken cancellation)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => definition.Id;

    public override FunctionDefinition FunctionDefinition => definition;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override BindingContext BindingContext { get; } = new HostBindingContext(bindingData);

    public override CancellationToken CancellationToken => cancellation;

    private sealed class HostBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }
}
