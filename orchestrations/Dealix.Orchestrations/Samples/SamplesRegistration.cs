using Dealix.Orchestrations.Samples.Activities;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Samples;

/// <summary>Registers the sample orchestrations.</summary>
public static class SamplesRegistration
{
    /// <summary>Adds <see cref="HelloCitiesOrchestrator"/> and its activity.</summary>
    public static DurableTaskRegistry AddSamples(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator<HelloCitiesOrchestrator>().AddActivity<SayHello>();
    }
}
