using Dealix.DurableTask;
using Dealix.DurableTask.Client;
using Dealix.DurableTask.InMemory;
using Dealix.DurableTask.Worker;
using Dealix.Orchestrations.Samples;
using Microsoft.Extensions.Logging;

// Until the function host lands (issue 4), the app runs the HelloCities sample on the in-memory backend and
// prints its output, which proves the engine end to end on a fresh machine.
using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
var registry = new DurableTaskRegistry().AddSamples();
await using var backend = new InMemoryOrchestrationBackend("DealixHub");
await using var worker = new DurableTaskWorker(backend, registry, loggerFactory: loggerFactory);
await worker.StartAsync();
var client = new BackendDurableTaskClient(backend, registry);

string instanceId = await client.ScheduleNewOrchestrationInstanceAsync(HelloCitiesOrchestrator.Name);
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
OrchestrationMetadata result = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
Console.WriteLine($"{HelloCitiesOrchestrator.Name} {instanceId}: {result.RuntimeStatus} {result.SerializedOutput}");
await worker.StopAsync();
return result.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? 0 : 1;
