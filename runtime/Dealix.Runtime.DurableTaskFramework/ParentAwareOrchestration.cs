using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Dealix.Runtime.DurableTaskFramework;

/// <summary>
/// Stands in for the SDK's orchestration shim until the execution starts, so the shim can be made with the
/// instance's parent (<c>TaskOrchestrationContext.Parent</c> of a sub-orchestration): DurableTask.Core asks
/// the object manager for the orchestration before the parent is known to anyone, and the dispatcher middleware in
/// <see cref="DtfxWorkerHost"/> sets <see cref="Parent"/> in between.
/// </summary>
internal sealed class ParentAwareOrchestration(
    TaskName name, Func<ITaskOrchestrator> create, DurableTaskShimFactory shims) : TaskOrchestration
{
    private TaskOrchestration? _shim;

    public ParentOrchestrationInstance? Parent { get; set; }

    private TaskOrchestration Shim => _shim ??= shims.CreateOrchestration(name, create(), Parent);

    public override Task<string> Execute(OrchestrationContext context, string input) => Shim.Execute(context, input);

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => Shim.RaiseEvent(context, name, input);

    public override string GetStatus() => Shim.GetStatus();
}
