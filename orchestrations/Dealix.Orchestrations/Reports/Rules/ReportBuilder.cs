using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Rules;

/// <summary>Builds the report of any kind: header, typed content, alert severity and summary. Pure.</summary>
public static class ReportBuilder
{
    /// <summary>Builds <paramref name="kind"/>'s report for <paramref name="tenant"/> over <paramref name="window"/>, as of <paramref name="now"/>.</summary>
    public static ReportDocument Build(ReportKind kind, string tenant, string period, ReportWindow window, ReportFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(window);
        var header = new ReportHeader(kind.Name, tenant, period, window.Start, window.End, window.Label, kind.Title, kind.TitleAr, now);
        switch (kind.Name)
        {
            case ReportKinds.MorningDigest:
                MorningDigest morning = MorningDigestBuilder.Build(facts, window, now);
                return Document(header, morning, MorningDigestBuilder.Summarise(morning, window));
            case ReportKinds.DailyDigest:
                DailyDigest daily = DailyDigestBuilder.Build(facts, window, now);
                return Document(header, daily, DailyDigestBuilder.Summarise(daily, window));
            case ReportKinds.PreShiftBriefing:
                PreShiftBriefing briefing = PreShiftBriefingBuilder.Build(facts, window, now);
                return Document(header, briefing, PreShiftBriefingBuilder.Summarise(briefing, window));
            case ReportKinds.WeeklySupportReview:
                WeeklySupportReview review = WeeklySupportReviewBuilder.Build(facts, window, now);
                return Document(header, review, WeeklySupportReviewBuilder.Summarise(review, window));
            case ReportKinds.ExecutiveWeeklyPack:
                ExecutiveWeeklyPack pack = ExecutiveWeeklyPackBuilder.Build(facts, window, now, tenant);
                return Document(header, pack, ExecutiveWeeklyPackBuilder.Summarise(pack, window));
            case ReportKinds.ProofPack:
                ProofPack proof = ProofPackBuilder.Build(facts, window, now);
                return Document(header, proof, ProofPackBuilder.Summarise(proof, window));
            case ReportKinds.SelfGrowthDailyBrief:
                SelfGrowthDailyBrief brief = SelfGrowthDailyBriefBuilder.Build(facts, window, now);
                return Document(header, brief, SelfGrowthDailyBriefBuilder.Summarise(brief, window));
            case ReportKinds.SelfGrowthWeeklyLearning:
                SelfGrowthWeeklyLearning learning = SelfGrowthWeeklyLearningBuilder.Build(facts, window, now);
                return Document(header, learning, SelfGrowthWeeklyLearningBuilder.Summarise(learning, window));
            case ReportKinds.FounderAutoActionReview:
                FounderAutoActionReview autoActions = FounderAutoActionReviewBuilder.Build(facts, window, now);
                return Document(header, autoActions, FounderAutoActionReviewBuilder.Summarise(autoActions, window));
            case ReportKinds.BrainWeeklyReflection:
                BrainWeeklyReflection reflection = BrainWeeklyReflectionBuilder.Build(facts, window, now);
                return Document(header, reflection, BrainWeeklyReflectionBuilder.Summarise(reflection, window));
            case ReportKinds.WeeklyTrendReport:
                WeeklyTrendReport trend = WeeklyTrendReportBuilder.Build(facts, window, now);
                return Document(header, trend, WeeklyTrendReportBuilder.Summarise(trend, window));
            case ReportKinds.CompetitiveAnalysis:
                CompetitiveAnalysis analysis = CompetitiveAnalysisBuilder.Build(facts, window, now);
                return Document(header, analysis, CompetitiveAnalysisBuilder.Summarise(analysis, window));
            default:
                throw new ArgumentException($"No builder for report kind '{kind.Name}'.", nameof(kind));
        }
    }

    private static ReportDocument Document(ReportHeader header, object content, (string Severity, IReadOnlyList<string> Summary) summary) =>
        new(header, summary.Severity, summary.Summary, content);
}
