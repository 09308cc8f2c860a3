using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.Deals.Connectors.Contracts;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Connectors;

/// <summary>
/// Which connector actions a deal stage asks for (DOMAIN.md §8.1) and through which of the tenant's connectors: every
/// stage marked <b>sync_crm</b> writes the deal to the CRM (<c>crm_generic</c>); entering <c>meeting_booked</c> with a
/// known meeting time books the calendar event (<c>google_calendar</c>, the §8.1 "calendar event draft") and schedules
/// the reminder to the contact one hour before (over the deal's channel connector). Each is Class B (§4.1: calendar
/// insert, external CRM write, a message to a contact), so each is an approval first. The tenant's own connectors are
/// the connector rows of customer id = tenant id. Pure.
/// </summary>
public static class DealConnectorActions
{
    public const string BookMeeting = "book_meeting";
    public const string SyncCrm = "sync_crm";
    public const string MeetingReminder = "meeting_reminder";

    /// <summary>How long a meeting lasts in the calendar (the qualified-stage template offers 20 minutes).</summary>
    public static readonly TimeSpan MeetingLength = TimeSpan.FromMinutes(20);

    /// <summary>The reminder goes this long before the meeting (§8.1 meeting_booked: "reminder 1 h before").</summary>
    public static readonly TimeSpan ReminderLead = TimeSpan.FromHours(1);

    private static readonly DealStage[] CrmStages =
    [
        DealStage.NewLead, DealStage.Qualifying, DealStage.Qualified, DealStage.Nurturing, DealStage.MeetingDone, DealStage.ProposalSent,
        DealStage.PilotActive, DealStage.ClosedWon, DealStage.ClosedLost, DealStage.OptedOut,
    ];

    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.CreateCustomTimeZone("AST", TimeSpan.FromHours(3), "AST", "AST");

    /// <summary>The actions entering <paramref name="stage"/> asks for, in a fixed order.</summary>
    public static IReadOnlyList<string> ForStage(DealStage stage, DateTime? meetingAt)
    {
        var actions = new List<string>();
        if (stage == DealStage.MeetingBooked && meetingAt is not null)
        {
            actions.Add(BookMeeting);
            actions.Add(MeetingReminder);
        }

        if (CrmStages.Contains(stage))
        {
            actions.Add(SyncCrm);
        }

        return actions;
    }

    /// <summary>The connector an action goes through (null: none can carry it, e.g. a reminder on LinkedIn).</summary>
    public static string? ConnectorFor(string action, MessageChannel channel) => action switch
    {
        BookMeeting => "google_calendar",
        SyncCrm => "crm_generic",
        MeetingReminder => channel switch
        {
            MessageChannel.WhatsApp => "whatsapp_cloud",
            MessageChannel.Email => "gmail",
            _ => null,
        },
        _ => null,
    };

    /// <summary>The live action an approved action performs, in <c>ConnectorPolicy</c>'s words.</summary>
    public static string ExecutionVerb(string action) => action switch
    {
        BookMeeting => "insert",
        SyncCrm => "write",
        _ => "send",
    };

    /// <summary>The customer id under which a tenant's own connectors are stored.</summary>
    public static string ConnectorsCustomerId(string tenantId) => tenantId;

    /// <summary>The draft (approval) id of one action for one stage entry: <c>ca</c> + 32 hex digits. The stage is part of
    /// it because one episode may move a deal through several stages at the same orchestration time.</summary>
    public static string DraftId(string dealInstanceId, string action, DealStage stage, DateTime stageEnteredAt) =>
        "ca" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{dealInstanceId}|{action}|{DealStages.WireName(stage)}|{stageEnteredAt.Ticks.ToString(CultureInfo.InvariantCulture)}")), 0, 16);

    /// <summary>The calendar event id of a booking: the draft id's hex digits (Google accepts a–v and 0–9, 5–1024 long).</summary>
    public static string CalendarEventId(string draftId) => draftId[2..];

    /// <summary>The CRM stage name: the §8.1 stage id.</summary>
    public static string CrmStage(DealStage stage) => DealStages.WireName(stage);

    /// <summary>The reminder's text (Khaliji, like the §8.8 templates): the meeting time in AST.</summary>
    public static string ReminderText(DateTime meetingAt) =>
        $"تذكير: موعدنا {TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(meetingAt, DateTimeKind.Utc), Riyadh).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} بتوقيت الرياض، بعد ساعة إن شاء الله.";

    /// <summary>What the approver sees: the provider request in words (ids only, no personal data).</summary>
    public static string Describe(DealConnectorAction request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Action switch
        {
            BookMeeting => $"Calendar (google_calendar): insert the event of the meeting with {request.ContactId} at {Iso(request.MeetingAt)} for {MeetingLength.TotalMinutes} minutes, popup reminder {ReminderLead.TotalMinutes} minutes before; no invitations are sent.",
            SyncCrm => $"CRM (crm_generic): upsert deal {request.DealInstanceId} with stage {CrmStage(request.Stage)}.",
            _ => ReminderText(request.MeetingAt ?? DateTime.MinValue),
        };
    }

    /// <summary>The approval SLA of a connector action (§4.4 has no row: the deal-stage row is used: 8 h, warning at 75 %,
    /// expiry after 72 h); a reminder expires when the meeting starts, since it is pointless afterwards.</summary>
    public static (DateTime Warning, DateTime Due, DateTime Expires) Sla(string action, DateTime requestedAt, DateTime? meetingAt)
    {
        DateTime expires = requestedAt.AddHours(72);
        if (action == MeetingReminder && meetingAt is { } at && at < expires)
        {
            expires = at;
        }

        DateTime due = requestedAt.AddHours(8) < expires ? requestedAt.AddHours(8) : expires;
        DateTime warning = requestedAt + ((due - requestedAt) * 0.75);
        return (warning, due, expires);
    }

    private static string Iso(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture) ?? "?";
}
