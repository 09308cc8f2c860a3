using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;

namespace Dealix.Orchestrations.Tests.Deals;

/// <summary>
/// A Moq <see cref="TaskOrchestrationContext"/> as Durable Functions unit tests set one up: a fixed instance id and
/// time, a deterministic <see cref="TaskOrchestrationContext.NewGuid"/>, and the activities, timers and events each
/// test sets up on <see cref="Mock"/>. Activities set up through <see cref="Activity{TResult}"/> are recorded in
/// call order, so a test can assert which activities ran with which inputs.
/// </summary>
public sealed class MockedOrchestrationContext
{
    private int _guids;

    public MockedOrchestrationContext(string instanceId, DateTime now)
    {
        InstanceId = instanceId;
        Now = now;

        // CallBase: the SDK's own non-abstract members (CreateReplaySafeLogger, the TimeSpan timer overload) run as
        // they do under any engine, on top of the abstract members set up here.
        Mock = new Mock<TaskOrchestrationContext>(MockBehavior.Loose) { CallBase = true };
        Mock.SetupGet(c => c.InstanceId).Returns(instanceId);
        Mock.SetupGet(c => c.CurrentUtcDateTime).Returns(() => Now);
        Mock.SetupGet(c => c.IsReplaying).Returns(false);
        Mock.Setup(c => c.NewGuid()).Returns(() => new Guid(++_guids, 0, 0, new byte[8]));
        Mock.Protected().SetupGet<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
    }

    public Mock<TaskOrchestrationContext> Mock { get; }

    public TaskOrchestrationContext Context => Mock.Object;

    public string InstanceId { get; }

    /// <summary>What <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/> returns; a test may move it.</summary>
    public DateTime Now { get; set; }

    /// <summary>Every activity call set up through <see cref="Activity{TResult}"/>, in order, with its options.</summary>
    public List<(string Name, object? Input, TaskOptions? Options)> Calls { get; } = [];

    /// <summary>Sets up <c>CallActivityAsync&lt;TResult&gt;(name, …)</c> to record the call and answer from its input.</summary>
    public MockedOrchestrationContext Activity<TResult>(string name, Func<object?, TResult> result)
    {
        Mock.Setup(c => c.CallActivityAsync<TResult>(name, It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName called, object? input, TaskOptions? options) =>
            {
                Calls.Add((called.Name, input, options));
                return Task.FromResult(result(input));
            });
        return this;
    }

    /// <summary>The inputs of the recorded calls to <paramref name="name"/>, in order.</summary>
    public IReadOnlyList<TInput> InputsOf<TInput>(string name) => [.. Calls.Where(c => c.Name == name).Select(c => (TInput)c.Input!)];

    /// <summary>The recorded activity names, in order.</summary>
    public IReadOnlyList<string> CalledNames => [.. Calls.Select(c => c.Name)];
}
