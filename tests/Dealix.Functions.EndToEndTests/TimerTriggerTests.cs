using Dealix.Functions.EndToEndTests.Functions;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests;

/// <summary>A 1-second timer with its schedule monitor in Azurite, across a stop and a restart of the app.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TimerTriggerTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> TimerOn = new() { ["AzureWebJobs.EverySecond.Disabled"] = "false" };

    [Fact]
    public async Task EverySecond_RunsOnItsScheduleAndAfterDowntimeRunsPastDueExactlyOnce()
    {
        string root = TestApp.CreateScriptRoot("Timer" + Guid.NewGuid().ToString("N")[..10]);
        EverySecondTimer.Runs.Clear();
        await using (await TestApp.StartAsync(azurite.Azurite, root, TimerOn))
        {
            await Eventually.MatchAsync(() => Task.FromResult(EverySecondTimer.Runs.Count), count => count >= 3, "three runs of the 1-second timer");
        }

        TimerRun[] firstRun = [.. EverySecondTimer.Runs];
        Assert.All(firstRun, run =>
        {
            Assert.False(run.IsPastDue);
            Assert.NotNull(run.Next);
            Assert.Equal(0, run.Next.Value.Millisecond); // on a whole second, as "* * * * * *" says
            Assert.True(run.At >= run.Next.Value, $"ran at {run.At:o}, before its occurrence {run.Next:o}");
        });
        Assert.Equal(firstRun.Select(r => r.Next).Order(), firstRun.Select(r => r.Next));
        Assert.Equal(firstRun.Length, firstRun.Select(r => r.Next).Distinct().Count());

        // The app is down for 5 seconds: at least one occurrence passes unattended.
        EverySecondTimer.Runs.Clear();
        await Task.Delay(TimeSpan.FromSeconds(5));
        DateTime restartedAt = DateTime.UtcNow;
        await using (await TestApp.StartAsync(azurite.Azurite, root, TimerOn))
        {
            await Eventually.MatchAsync(() => Task.FromResult(EverySecondTimer.Runs.Count), count => count >= 4, "four runs after the restart");
        }

        TimerRun[] secondRun = [.. EverySecondTimer.Runs];
        Assert.Single(secondRun, run => run.IsPastDue);
        Assert.True(secondRun[0].IsPastDue, "the catch-up run comes first");
        Assert.True(secondRun[0].Next < restartedAt, "the past-due run reports the occurrence missed while the app was down");
        Assert.All(secondRun.Skip(1), run => Assert.True(run.At >= run.Next!.Value));
    }

    [Fact]
    public async Task EverySecond_TwoInstancesOnOneHub_RunEachOccurrenceOnce()
    {
        string root = TestApp.CreateScriptRoot("Pair" + Guid.NewGuid().ToString("N")[..10]);
        EverySecondTimer.Runs.Clear();
        await using (await TestApp.StartAsync(azurite.Azurite, root, TimerOn))
        await using (await TestApp.StartAsync(azurite.Azurite, root, TimerOn))
        {
            await Eventually.MatchAsync(() => Task.FromResult(EverySecondTimer.Runs.Count), count => count >= 4, "four runs with two instances");
        }

        DateTime?[] occurrences = [.. EverySecondTimer.Runs.Select(r => r.Next)];
        Assert.Equal(occurrences.Length, occurrences.Distinct().Count());
    }
}
