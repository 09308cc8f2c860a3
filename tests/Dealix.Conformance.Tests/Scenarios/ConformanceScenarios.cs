namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>Every scenario's tasks, for one registry per engine.</summary>
public static class ConformanceScenarios
{
    public static void RegisterAll(DurableTaskRegistry tasks)
    {
        SharedActivities.Register(tasks);
        ActivityScenarios.Register(tasks);
        RetryScenarios.Register(tasks);
        TimerAndEventScenarios.Register(tasks);
        SubOrchestrationScenarios.Register(tasks);
        LifecycleScenarios.Register(tasks);
        DeterminismScenarios.Register(tasks);
        FailureScenarios.Register(tasks);
    }
}
