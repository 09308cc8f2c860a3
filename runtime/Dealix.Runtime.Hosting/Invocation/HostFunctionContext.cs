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

    public override TraceContext TraceContext { get; } = new HostTraceContext(System.Diagnostics.Activity.Current);

    public override Microsoft.Azure.Functions.Worker.RetryContext RetryContext { get; } = new HostRetryContext();

    public override IInvocationFeatures Features { get; } = new HostInvocationFeatures();

    private sealed class HostTraceContext(System.Diagnostics.Activity? activity) : TraceContext
    {
        public override string TraceParent { get; } = activity?.Id ?? string.Empty;

        public override string TraceState { get; } = activity?.TraceStateString ?? string.Empty;
    }

    /// <summary>The host has no trigger-level retry policies (Functions' fixedDelay/exponentialBackoff): zero of zero.</summary>
    private sealed class HostRetryContext : Microsoft.Azure.Functions.Worker.RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class HostInvocationFeatures : IInvocationFeatures
    {
        private readonly Dictionary<Type, object?> _features = [];

        public void Set<T>(T instance) => _features[typeof(T)] = instance;

        public T? Get<T>() => _features.TryGetValue(typeof(T), out object? value) ? (T?)value : default;

        public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() =>
            _features.Where(p => p.Value is not null).Select(p => new KeyValuePair<Type, object>(p.Key, p.Value!)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class HostBindingContext(IReadOnlyDictionary<string, object?> data) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = data;
    }
}
