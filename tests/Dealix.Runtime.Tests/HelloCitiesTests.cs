
namespace Dealix.Runtime.Tests;

public sealed class HelloCitiesTests
{
    private static readonly string[] Cities = ["Tokyo", "Seattle", "London", "Amsterdam", "Mumbai"];

    private static void Register(DurableTaskRegistry tasks) => tasks
        .AddOrchestratorFunc<object?, List<string>>("HelloCities", async (context, _) =>
        {
            var greetings = new List<string>();
            foreach (string city in Cities)
            {
                greetings.Add(await context.CallActivityAsync<string>("SayHello", city));
            }

            return greetings;
        })
        .AddActivityFunc<string, string>("SayHello", (_, city) => $"Hello {city}!");

    [Fact]
    public async Task HelloCities_FiveSequentialActivities_ReturnsGreetingsInOrder()
    {
        await using var host = await HostFixture.StartAsync(Register);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("HelloCities");

        Assert.Equal(
            ["Hello Tokyo!", "Hello Seattle!", "Hello London!", "Hello Amsterdam!", "Hello Mumbai!"],
            await host.GetOutputAsync<List<string>>(id));
    }

    [Fact]
    public async Task HelloCities_History_RecordsEachActivityOnceAndEndsCompleted()
    {
        await using var host = await HostFixture.StartAsync(Register);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("HelloCities");
        await host.WaitForIdleAsync();

        var history = await host.Client.GetHistoryAsync(id);
        Assert.Equal(5, history.OfType<Backend.TaskScheduledEvent>().Count());
        Assert.Equal(5, history.OfType<Backend.TaskCompletedEvent>().Count());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, Assert.IsType<Backend.ExecutionCompletedEvent>(history[^1]).Status);
    }
}
