using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Dealix.Runtime.Tests;

/// <summary>Class-based tasks with injected ports, registration rules and option validation.</summary>
public sealed class ProgrammingModelTests
{
    public interface IGreetingSender
    {
        Task<bool> SendAsync(string to, string text, string idempotencyKey);
    }

    public sealed record GreetInput(string Contact, string Text);

    [DurableTask(Name)]
    public sealed class GreetOrchestrator : TaskOrchestrator<GreetInput, bool>
    {
        public const string Name = "Greet";

        public override Task<bool> RunAsync(TaskOrchestrationContext context, GreetInput input) =>
            context.CallActivityAsync<bool>(SendGreeting.Name, input);
    }

    [DurableTask(Name)]
    public sealed class SendGreeting(IGreetingSender sender) : TaskActivity<GreetInput, bool>
    {
        public const string Name = "SendGreeting";

        public override Task<bool> RunAsync(TaskActivityContext context, GreetInput input) =>
            sender.SendAsync(input.Contact, input.Text, ((Worker.ActivityInvocationContext)context).IdempotencyKey);
    }

    [Fact]
    public async Task ClassBasedTasks_ResolveInjectedPortsAndPassTheIdempotencyKey()
    {
        var sender = new Mock<IGreetingSender>();
        sender.Setup(s => s.SendAsync("c-1", "مرحبا", It.IsAny<string>())).ReturnsAsync(true);
        await using var host = await HostFixture.StartAsync(
            tasks => tasks.AddOrchestrator<GreetOrchestrator>().AddActivity<SendGreeting>(),
            services => services.AddSingleton(sender.Object));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetOrchestrator.Name, new GreetInput("c-1", "مرحبا"));

        Assert.True(await host.GetOutputAsync<bool>(id));
        var history = await host.Client.GetHistoryAsync(id);
        int taskId = history.OfType<Backend.TaskScheduledEvent>().Single().EventId;
        string execution = history.OfType<Backend.ExecutionStartedEvent>().Single().ExecutionId;
        sender.Verify(s => s.SendAsync("c-1", "مرحبا", $"{id}:{execution}:{taskId}"), Times.Once);
    }

    [Fact]
    public void Catalog_TakesTheRegistrysDeclaredNamesAndRefusesDuplicates()
    {
        var registry = new DurableTaskRegistry().AddOrchestrator<GreetOrchestrator>().AddActivity<SendGreeting>();
        var catalog = new TaskCatalog(registry);

        Assert.True(catalog.HasOrchestrator("greet")); // names are case-insensitive
        Assert.True(catalog.HasActivity(SendGreeting.Name));
        Assert.False(catalog.HasOrchestrator(nameof(GreetOrchestrator)));
        Assert.Throws<ArgumentException>(() => catalog.AddOrchestrator("Greet", _ => new GreetOrchestrator()));
        Assert.Throws<ArgumentException>(() => catalog.AddActivity(" ", _ => new SendGreeting(Mock.Of<IGreetingSender>())));
    }

    [Fact]
    public async Task WrongInputShape_FailsTheInstanceWithTheReason()
    {
        await using var host = await HostFixture.StartAsync(tasks => tasks.AddOrchestrator<GreetOrchestrator>().AddActivity<SendGreeting>(),
            services => services.AddSingleton(Mock.Of<IGreetingSender>()));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(GreetOrchestrator.Name, new[] { 1, 2, 3 });

        OrchestrationMetadata instance = await host.GetInstanceAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("cannot be read as GreetInput", instance.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1, 1.0)]
    [InlineData(1, 0, 1.0)]
    [InlineData(1, 1, 0.5)]
    public void RetryPolicy_OutOfRangeSettings_AreRefused(int attempts, int firstSeconds, double coefficient) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetryPolicy(attempts, TimeSpan.FromSeconds(firstSeconds), coefficient));

    [Fact]
    public void RetryPolicy_Delays_GrowByCoefficientAndAreCapped()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), 3.0, maxRetryInterval: TimeSpan.FromSeconds(20));
        var failure = new TaskFailedException("Send", 1, new TaskFailureDetails(typeof(TimeoutException).FullName!, "timed out", null, null, null));

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20)],
            Enumerable.Range(1, 5).Select(n => Worker.RetryDecisions.NextDelay(policy, failure, subOrchestration: false, n, TimeSpan.Zero)!.Value));
        Assert.Null(Worker.RetryDecisions.NextDelay(policy, failure, subOrchestration: false, 10, TimeSpan.Zero));
        var stopsOnTimeouts = new RetryPolicy(5, TimeSpan.FromSeconds(1)) { HandleFailure = f => !f.IsCausedBy<TimeoutException>() };
        Assert.Null(Worker.RetryDecisions.NextDelay(stopsOnTimeouts, failure, subOrchestration: false, 1, TimeSpan.Zero));
    }

    [Fact]
    public void TaskFailureDetails_FromNestedException_KeepsTypesMessagesAndInnerChain()
    {
        var error = new InvalidOperationException("outer", new TimeoutException("inner"));

        var details = TaskFailureDetails.FromException(error);

        Assert.Equal("System.InvalidOperationException: outer", details.ToString());
        Assert.True(details.IsCausedBy<InvalidOperationException>());
        Assert.True(details.IsCausedBy<Exception>());
        Assert.False(details.IsCausedBy<TimeoutException>());
        Assert.Equal(typeof(TimeoutException).FullName, details.InnerFailure!.ErrorType);
    }
}
