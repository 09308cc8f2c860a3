using Dealix.Functions.EndToEndTests.Infrastructure;
using Xunit.Abstractions;

namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>
/// Issue 15 item 1: the app in a child process, SIGKILLed at crash points along the product path (webhook intake, deal
/// episodes, approvals, the outbox sender before and after the provider call, the recovery timer), restarted, with
/// refused deliveries and approvals re-sent. Each row is one run of the whole flow whose lives are armed in order.
/// By default the rows are the CI slice; <c>DEALIX_CRASH_SWEEP=1</c> runs the long sweep (every point at several passes,
/// plus random-moment kills) and <c>DEALIX_CRASH_SWEEP_REPORT=file</c> appends one line per run to that file.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashRecoveryTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    public static TheoryData<string> Plans()
    {
        var data = new TheoryData<string>();
        foreach (string plan in CrashPlans.Selected())
        {
            data.Add(plan);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task DealFlow_KilledAtCrashPoints_NothingLostNothingTwiceAllSettled(string plan)
    {
        (IReadOnlyList<string?> points, Func<TimeSpan?>? randomKill) = CrashPlans.Parse(plan);
        await using CrashScenario scenario = await CrashScenario.StartAsync(azurite.Azurite, points, leads: 4, randomKill);
        string outcome = "failed";
        try
        {
            await scenario.RunAsync();
            await scenario.VerifyAsync();
            outcome = "held";
            Assert.Empty(scenario.Unreached); // every armed point was reached and the app died there
        }
        finally
        {
            string line = $"{plan}\t{outcome}\t{scenario.Describe()}";
            output.WriteLine(line);
            if (Environment.GetEnvironmentVariable("DEALIX_CRASH_SWEEP_REPORT") is { Length: > 0 } report)
            {
                await File.AppendAllTextAsync(report, line + Environment.NewLine);
            }
        }
    }
}
