using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Dealix.Functions.Operations;

/// <summary>
/// Liveness and readiness for load balancers and <c>scripts/run.sh</c>: 200 when the task hub's storage answers,
/// 503 with the reason when it does not. Anonymous; reveals no data.
/// </summary>
public static class HealthApi
{
    public const string Name = "Health";

    [Function(Name)]
    public static async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            // One cheap read proves the hub's storage is reachable.
            await client.GetInstanceAsync("health-probe", cancellation: timeout.Token);
            return Results.Ok(new { status = "Healthy", taskHub = client.Name });
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            return Results.Json(new { status = "Unhealthy", taskHub = client.Name, reason = e.GetType().Name }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
