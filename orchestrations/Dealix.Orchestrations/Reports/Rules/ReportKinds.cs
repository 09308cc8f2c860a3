namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>The reports of §16, §17 and §19.2 that are built, with the §18 jobs that produce them.</summary>
public static class ReportKinds
{
    // WARNING: the names are stored (report keys, alert idempotency keys) and are route segments; never rename.
    public const string MorningDigest = "morning-digest";
    public const string DailyDigest = "daily-digest";
    public const string PreShiftBriefing = "pre-shift-briefing";
    public const string WeeklySupportReview = "weekly-support-review";
    public const string ExecutiveWeeklyPack = "executive-weekly-pack";
    public const string ProofPack = "proof-pack";
    public const string SelfGrowthDailyBrief = "self-growth-daily-brief";
    public const string SelfGrowthWeeklyLearning = "self-growth-weekly-learning";
    public const string FounderAutoActionReview = "founder-auto-action-review";
    public const string BrainWeeklyReflection = "brain-weekly-reflection";
    public const string WeeklyTrendReport = "weekly-trend-report";
    public const string CompetitiveAnalysis = "competitive-analysis";

    /// <summary>Every kind, in priority order.</summary>
    public static IReadOnlyList<ReportKind> All { get; } =
    [
        new(MorningDigest, "ops-morning-digest", false, "founder", "Morning operations digest", "الملخص التشغيلي الصباحي"),
        new(DailyDigest, "product-loop-daily-digest", false, "founder", "Daily digest", "الملخص اليومي"),
        new(PreShiftBriefing, "operator-pre-shift-briefing", false, "operator", "Operator pre-shift briefing", "إحاطة ما قبل الوردية"),
        new(WeeklySupportReview, "weekly-support-review", true, "team_lead", "Weekly support review", "المراجعة الأسبوعية للدعم"),
        new(ExecutiveWeeklyPack, "executive-weekly-pack", true, "founder", "Executive weekly pack", "الحزمة التنفيذية الأسبوعية"),
        new(ProofPack, null, true, "operator", "Proof Pack", "حزمة الإثبات"),
        new(SelfGrowthDailyBrief, "self-growth-daily-brief", false, "founder", "Self-growth daily brief", "موجز النمو الذاتي اليومي"),
        new(SelfGrowthWeeklyLearning, "self-growth-weekly-learning", true, "founder", "Self-growth weekly learning report", "تقرير التعلم الأسبوعي للنمو الذاتي"),
        new(FounderAutoActionReview, "founder-auto-action-review", true, "founder", "Founder auto-action review pack", "حزمة مراجعة المؤسس للإجراءات التلقائية"),
        new(BrainWeeklyReflection, "brain-weekly-reflection", true, "founder", "Brain weekly reflection", "التأمل الأسبوعي لـ Dealix Brain"),
        new(WeeklyTrendReport, "weekly-trend-report", true, "founder", "Product weekly trend report", "تقرير الاتجاهات الأسبوعي للمنتج"),
        new(CompetitiveAnalysis, "monthly-competitive-analysis", false, "marketing", "Monthly competitive analysis", "التحليل التنافسي الشهري", Monthly: true),
    ];

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ReportKind? Find(string? name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal));

    /// <summary>The kind the §18 job <paramref name="job"/> produces, or null.</summary>
    public static ReportKind? ForJob(string? job) => All.FirstOrDefault(k => k.Job is not null && string.Equals(k.Job, job, StringComparison.Ordinal));
}
