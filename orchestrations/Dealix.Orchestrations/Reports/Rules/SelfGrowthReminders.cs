using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>The three operator reminders every self-growth brief repeats (§15.1). Pure.</summary>
public static class SelfGrowthReminders
{
    /// <summary>The reminders, in §15.1's order.</summary>
    public static IReadOnlyList<Reminder> All { get; } =
    [
        new("no_cold_whatsapp", "No cold WhatsApp, even for Dealix itself.", "لا واتساب بارد، حتى لديلكس نفسها."),
        new("approval_first", "Every draft is approval-first.", "كل مسودة تحتاج اعتمادًا قبل الإرسال."),
        new("no_scraping", "No scraping.", "لا جمع بيانات بالكشط."),
    ];
}
