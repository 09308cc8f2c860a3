using System.Net;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests;

/// <summary>The management API on the Dealix engine (host.json <c>storageProvider.type</c> = <c>Dealix</c>).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ManagementApiTests(AzuriteFixture azurite) : ManagementApiTestsBase(azurite, "Dealix")
{
    /// <summary>Dealix engine only: the history of the instance, with the suspension, the event and the completion.</summary>
    protected override async Task AssertHistoryAsync(string completedInstanceId)
    {
        Observed done = await ObserveAsync(Api($"/instances/{completedInstanceId}", "showHistory=true&showHistoryOutput=true"));
        Assert.Equal(HttpStatusCode.OK, done.Code);
        string[] events = [.. done.Body!.Value.GetProperty("historyEvents").EnumerateArray().Select(e => e.GetProperty("EventType").GetString()!)];
        Assert.Contains("ExecutionStarted", events);
        Assert.Contains("ExecutionSuspended", events);
        Assert.Contains("EventRaised", events);
        Assert.Equal("ExecutionCompleted", events[^1]);
    }
}
