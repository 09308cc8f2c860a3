using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.OperationsLoop.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.OperationsLoop.Activities;

/// <summary>Stores an uptime post-mortem template once (a re-run finds it and leaves it); true when this call stored it.</summary>
[DurableTask(Name)]
public sealed class SaveOperationsPostMortem(IOperationsStore store) : TaskActivity<PostMortemDraft, bool>
{
    public const string Name = "SaveOperationsPostMortem";

    public override Task<bool> RunAsync(TaskActivityContext context, PostMortemDraft input) => store.AddPostMortemAsync(input);
}
