using System.Text.RegularExpressions;

namespace Dealix.Orchestrations.Tasks.Rules;

/// <summary>
/// The life of a human task: <c>open</c> ⇄ <c>claimed</c> → <c>completed</c> | <c>rejected</c> | <c>cancelled</c>.
/// An operator claims an open task and may release it; an operator completes a task claimed by them or still open
/// (claiming it on the way); a task claimed by someone else is theirs unless the caller is an admin. Completing again
/// with the same outcome is a repeat (same answer), with another outcome a conflict. Pure: "now" is a parameter.
/// </summary>
public static partial class HumanTaskRules
{
    public const int MaxTaskIdLength = 200;
    public const int MaxInstanceIdLength = 256;
    public const int MaxTitleLength = 200;
    public const int MaxDetails = 32;
    public const int MaxDetailKeyLength = 64;
    public const int MaxDetailValueLength = 1000;

    /// <summary>Why <paramref name="request"/> cannot become a task, or null when it can.</summary>
    public static string? Validate(HumanTaskRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request switch
        {
            _ when !IsTaskId(request.TaskId) => $"taskId must be 1–{MaxTaskIdLength} printable characters without '/', '\\', '#' or '?'.",
            _ when !IsKey(request.Tenant, 48) => "tenant must be 1–48 characters of A–Z, a–z, 0–9, '-' or '_'.",
            _ when !HumanTaskValues.Areas.Contains(request.Area) => $"area must be one of {string.Join(", ", HumanTaskValues.Areas)}.",
            _ when !KindPattern().IsMatch(request.Kind ?? string.Empty) => "kind must be 1–64 characters of a–z, 0–9, '_', '-' or '.'.",
            _ when string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitleLength => $"title must be 1–{MaxTitleLength} characters.",
            _ when !HumanTaskValues.Roles.Contains(request.OwnerRole) => $"ownerRole must be one of {string.Join(", ", HumanTaskValues.Roles)}.",
            _ when string.IsNullOrEmpty(request.InstanceId) || request.InstanceId.Length > MaxInstanceIdLength => $"instanceId must be 1–{MaxInstanceIdLength} characters.",
            _ when request.DueAt == default => "dueAt is required.",
            _ when request.SubjectId is { Length: > MaxInstanceIdLength } => $"subjectId must be at most {MaxInstanceIdLength} characters.",
            _ when request.Details is { } d && (d.Count > MaxDetails || d.Any(p => string.IsNullOrEmpty(p.Key) || p.Key.Length > MaxDetailKeyLength || (p.Value?.Length ?? 0) > MaxDetailValueLength))
                => $"details may hold at most {MaxDetails} entries, keys of 1–{MaxDetailKeyLength} and values of at most {MaxDetailValueLength} characters.",
            _ => null,
        };
    }

    /// <summary>True when <paramref name="taskId"/> can name a task (in a URL path segment too).</summary>
    public static bool IsTaskId(string? taskId) =>
        !string.IsNullOrEmpty(taskId) && taskId.Length <= MaxTaskIdLength && taskId.All(c => c > ' ' && c < '\u007f' && c is not ('/' or '\\' or '#' or '?'));

    /// <summary><paramref name="operatorId"/> takes the open task; a repeat by the holder changes nothing.</summary>
    public static HumanTaskDecision Claim(HumanTask task, string operatorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task switch
        {
            { IsOpen: false } => HumanTaskDecision.Refuse(task, $"The task is already {task.Status}."),
            { Status: HumanTaskValues.Claimed } when task.ClaimedBy == operatorId => HumanTaskDecision.Same(task),
            { Status: HumanTaskValues.Claimed } => HumanTaskDecision.Refuse(task, $"The task is claimed by {task.ClaimedBy}."),
            _ => HumanTaskDecision.Change(task with { Status = HumanTaskValues.Claimed, ClaimedBy = operatorId, ClaimedAt = now }),
        };
    }

    /// <summary>The holder (or an admin) gives the task back to the queue; releasing an open task changes nothing.</summary>
    public static HumanTaskDecision Release(HumanTask task, string operatorId, bool admin)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task switch
        {
            { IsOpen: false } => HumanTaskDecision.Refuse(task, $"The task is already {task.Status}."),
            { Status: HumanTaskValues.Open } => HumanTaskDecision.Same(task),
            _ when task.ClaimedBy != operatorId && !admin => HumanTaskDecision.Refuse(task, $"The task is claimed by {task.ClaimedBy}."),
            _ => HumanTaskDecision.Change(task with { Status = HumanTaskValues.Open, ClaimedBy = null, ClaimedAt = null }),
        };
    }

    /// <summary>
    /// Ends the task with an operator's <paramref name="outcome"/> (<c>completed</c> or <c>rejected</c>). The outcome is
    /// stored undelivered; the caller raises it on the instance and then marks it delivered.
    /// </summary>
    public static HumanTaskDecision Complete(HumanTask task, string outcome, IReadOnlyDictionary<string, string>? result, string operatorId,
        bool admin, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (!HumanTaskValues.OperatorOutcomes.Contains(outcome))
        {
            throw new ArgumentException($"outcome must be one of {string.Join(", ", HumanTaskValues.OperatorOutcomes)}.", nameof(outcome));
        }

        return task switch
        {
            { Outcome: { } done } when done.Outcome == outcome => HumanTaskDecision.Same(task),
            { IsOpen: false } => HumanTaskDecision.Refuse(task, $"The task is already {task.Status}."),
            { Status: HumanTaskValues.Claimed } when task.ClaimedBy != operatorId && !admin => HumanTaskDecision.Refuse(task, $"The task is claimed by {task.ClaimedBy}."),
            _ => HumanTaskDecision.Change(task with
            {
                Status = outcome,
                ClaimedBy = task.ClaimedBy ?? operatorId,
                ClaimedAt = task.ClaimedAt ?? now,
                Outcome = new HumanTaskOutcome(task.TaskId, outcome, operatorId, now, result),
                Delivered = false,
            }),
        };
    }

    /// <summary>The owning workflow withdraws the open task; nothing needs delivering (the workflow stopped waiting).</summary>
    public static HumanTaskDecision Cancel(HumanTask task, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.IsOpen
            ? HumanTaskDecision.Change(task with
            {
                Status = HumanTaskValues.Cancelled,
                Outcome = new HumanTaskOutcome(task.TaskId, HumanTaskValues.Cancelled, HumanTaskValues.Automation, now),
                Delivered = true,
            })
            : HumanTaskDecision.Same(task);
    }

    /// <summary>The outcome reached the waiting instance.</summary>
    public static HumanTaskDecision MarkDelivered(HumanTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Outcome is null || task.Delivered ? HumanTaskDecision.Same(task) : HumanTaskDecision.Change(task with { Delivered = true });
    }

    private static bool IsKey(string? value, int maxLength) =>
        !string.IsNullOrEmpty(value) && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    [GeneratedRegex("^[a-z0-9_.-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();
}
