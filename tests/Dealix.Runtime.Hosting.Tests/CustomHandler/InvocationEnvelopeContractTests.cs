using System.Text.Json;
using Dealix.Runtime.Hosting.CustomHandler;
using Dealix.Runtime.Hosting.Discovery;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.Tests.CustomHandler;

/// <summary>The custom-handler envelopes, checked against the payloads the Azure Functions documentation shows.</summary>
public sealed class InvocationEnvelopeContractTests
{
    // The queue-trigger request payload of the custom handlers article (functions-custom-handlers.md, "Request payload").
    internal const string DocumentedQueueRequest = """
        {
          "Data": {
            "myQueueItem": "{ message: \"Message sent\" }"
          },
          "Metadata": {
            "DequeueCount": 1,
            "ExpirationTime": "2019-10-16T17:58:31+00:00",
            "Id": "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
            "InsertionTime": "2019-10-09T17:58:31+00:00",
            "NextVisibleTime": "2019-10-09T18:08:32+00:00",
            "PopReceipt": "AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
            "sys": {
              "MethodName": "QueueTrigger",
              "UtcNow": "2019-10-09T17:58:32.2205399Z",
              "RandGuid": "24ad4c06-24ad-4e5b-8294-3da9714877e9"
            }
          }
        }
        """;

    // A timer invocation: the host serializes its TimerInfo (Schedule, ScheduleStatus, IsPastDue) under the binding name.
    internal const string DocumentedTimerRequest = """
        {
          "Data": {
            "myTimer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": { "Last": "2020-05-21T20:10:00.0037813+00:00", "Next": "2020-05-21T20:15:00+00:00", "LastUpdated": "2020-05-21T20:10:00.0037813+00:00" },
              "IsPastDue": true
            }
          },
          "Metadata": {
            "sys": { "MethodName": "TimerTrigger", "UtcNow": "2020-05-21T20:16:01.5012345Z", "RandGuid": "8e8c1f3a-5a4f-4d5b-9b0e-0d1b0e6a0f11" }
          }
        }
        """;

    private static readonly IReadOnlyList<FunctionDescriptor> Functions = FunctionCatalog.Discover([typeof(TestFunctions)]);

    [Fact]
    public void QueueRequest_DocumentedPayload_BindsTheMessageTextAndItsMetadata()
    {
        FunctionDescriptor function = Functions.Single(f => f.Name == "QueueTrigger");

        var input = CustomHandlerEndpoints.Bind(function, InvocationRequest.Parse(DocumentedQueueRequest));

        Assert.Equal("{ message: \"Message sent\" }", input.Trigger(function.TriggerParameter));
        Assert.Equal(1L, input.BindingData["DequeueCount"]);
        Assert.Equal(1L, input.BindingData["dequeueCount"]);
        Assert.Equal("800ae4b3-bdd2-4c08-badd-f08e5a34b865", input.BindingData["Id"]);
        Assert.Equal("AgAAAAMAAAAAAAAAAgtnj8x+1QE=", input.BindingData["PopReceipt"]);
        using JsonDocument sys = JsonDocument.Parse((string)input.BindingData["sys"]!);
        Assert.Equal("QueueTrigger", sys.RootElement.GetProperty("MethodName").GetString());
    }

    [Fact]
    public void TimerRequest_DocumentedShape_BindsScheduleStatusAndIsPastDue()
    {
        FunctionDescriptor function = Functions.Single(f => f.Name == "TimerTrigger");

        var input = CustomHandlerEndpoints.Bind(function, InvocationRequest.Parse(DocumentedTimerRequest));
        var timer = Assert.IsType<TimerInfo>(input.Trigger(function.TriggerParameter));

        Assert.True(timer.IsPastDue);
        Assert.Equal(new DateTime(2020, 5, 21, 20, 15, 0, DateTimeKind.Utc), timer.ScheduleStatus!.Next);
        Assert.Equal(new DateTime(2020, 5, 21, 20, 10, 0, DateTimeKind.Utc).AddTicks(37813), timer.ScheduleStatus.Last);
    }

    [Fact]
    public void TimerRequest_DataAsJsonString_IsReadTheSameWay()
    {
        FunctionDescriptor function = Functions.Single(f => f.Name == "TimerTrigger");
        string asString = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, string> { ["myTimer"] = """{"ScheduleStatus":null,"IsPastDue":false}""" },
            ["Metadata"] = new Dictionary<string, object>(),
        });

        var timer = Assert.IsType<TimerInfo>(CustomHandlerEndpoints.Bind(function, InvocationRequest.Parse(asString)).Trigger(function.TriggerParameter));

        Assert.False(timer.IsPastDue);
        Assert.Null(timer.ScheduleStatus);
    }

    [Fact]
    public void Response_HasTheDocumentedMemberNames()
    {
        string json = JsonSerializer.Serialize(new InvocationResponse([], ["Log message 1"], "done"));

        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], document.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Log message 1", document.RootElement.GetProperty("Logs")[0].GetString());
    }
}
