using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Deals;

/// <summary>
/// <c>POST /api/v1/admin/kill-switch/pause</c> and <c>/resume</c> (the master key or an admin operator key, §17.8; any other key gets 403 and a ledger line): the founder's durable, global pause of
/// every automated external action. While paused, queued sends wait (even approved drafts), auto-replies become drafts
/// and follow-ups wait; approvals can still be recorded. Both are on the audit ledger.
/// </summary>
public static class KillSwitchApi
{
    public const string PauseName = "KillSwitchPause";
    public const string ResumeName = "KillSwitchResume";

    [Function(PauseName)]
    public static Task<IResult> PauseAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/kill-switch/pause")] HttpRequest request,
        IKillSwitch killSwitch, IAuditLedger ledger, TimeProvider clock, OperatorKeys keys, CancellationToken cancellation) =>
        SetAsync(request, paused: true, killSwitch, ledger, clock, keys, cancellation);

    [Function(ResumeName)]
    public static Task<IResult> ResumeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "v1/admin/kill-switch/resume")] HttpRequest request,
        IKillSwitch killSwitch, IAuditLedger ledger, TimeProvider clock, OperatorKeys keys, CancellationToken cancellation) =>
        SetAsync(request, paused: false, killSwitch, ledger, clock, keys, cancellation);

    private static async Task<IResult> SetAsync(HttpRequest request, bool paused, IKillSwitch killSwitch, IAuditLedger ledger, TimeProvider clock,
        OperatorKeys keys, CancellationToken cancellation)
    {
        string correlationId = DealHttp.CorrelationId(request);
        TenantAccess access = await TenantGate.CheckAdminAsync(request, paused ? "kill-switch/pause" : "kill-switch/resume", correlationId, keys, ledger, clock,
            cancellation);
        if (access.Refusal is not null)
        {
            return access.Refusal;
        }

        string actor = request.Headers[DealHttp.OperatorHeader].ToString() is { Length: > 0 } a ? a : "founder";
        await killSwitch.SetAsync(paused, actor, correlationId, cancellation);
        await ledger.AppendAsync(new AuditEntry(Guid.NewGuid().ToString("N"), "global", correlationId, paused ? "kill_switch_pause" : "kill_switch_resume",
            "B", actor, "kill-switch", clock.GetUtcNow().UtcDateTime, Outcome: paused ? "paused" : "resumed"), cancellation);
        return Results.Ok(new { paused, by = actor, correlation_id = correlationId });
    }
}
