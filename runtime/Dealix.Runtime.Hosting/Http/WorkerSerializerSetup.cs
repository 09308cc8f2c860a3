using System.Text.Json;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Dealix.Runtime.Hosting.Http;

/// <summary>
/// Gives <see cref="WorkerOptions.Serializer"/> the worker's default when the app sets none: a
/// <see cref="JsonObjectSerializer"/> over default <see cref="JsonSerializerOptions"/> with case-insensitive property
/// names and no naming policy (what <c>AddFunctionsWorkerDefaults</c> registers). The worker's
/// <c>WriteAsJsonAsync</c>/<c>ReadFromJsonAsync</c> and the Durable extension's check-status response use it.
/// </summary>
internal sealed class WorkerSerializerSetup : IPostConfigureOptions<WorkerOptions>
{
    public void PostConfigure(string? name, WorkerOptions options) =>
        options.Serializer ??= new JsonObjectSerializer(new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
}
