namespace Dealix.Orchestrations.Content.Rules;

/// <summary>
/// The statuses of a content-calendar entry: <c>draft</c> (suggested, waiting for review), <c>scheduled</c> (approved for
/// posting by a human; the app publishes nothing, there is no social provider) and <c>rejected</c>.
/// </summary>
public static class ContentStatus
{
    // WARNING: stored; never rename.
    public const string Draft = "draft";
    public const string Scheduled = "scheduled";
    public const string Rejected = "rejected";
}
