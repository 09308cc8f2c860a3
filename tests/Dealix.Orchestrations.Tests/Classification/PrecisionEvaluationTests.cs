using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Replies.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Xunit.Abstractions;

namespace Dealix.Orchestrations.Tests.Classification;

/// <summary>
/// P0 precision and false opt-outs on evaluation tickets and replies written after the models (never trained on):
/// recall of P0 and of opt-outs must stay at 100 % on every evaluation set, and precision at 90 % at least (before the
/// change that introduced these sets, P0 precision was 75 % and opt-out precision 67–75 % on the new sets). How the
/// sets were made and the figures: the classification section of functions/README.md.
/// </summary>
public class PrecisionEvaluationTests(ITestOutputHelper output)
{
    public static TheoryData<string> TicketSets => [LabelledCorpus.TicketsEval, LabelledCorpus.TicketsDev, LabelledCorpus.TicketsSealed];

    public static TheoryData<string> ReplySets => [LabelledCorpus.RepliesEval, LabelledCorpus.RepliesDev, LabelledCorpus.RepliesSealed];

    [Theory]
    [MemberData(nameof(TicketSets))]
    public void Tickets_EverySet_EveryP0RecognisedAndPrecisionReported(string set)
    {
        List<LabelledText> rows = LabelledCorpus.Load(set);
        var results = rows.Select(r => (r.Text, Gold: r.Label, Got: TicketClassifier.Default.Classify(null, r.Text).Priority.ToString())).ToList();
        string p0 = nameof(TicketPriority.P0);
        int truePositives = results.Count(x => x.Gold == p0 && x.Got == p0);
        int predicted = results.Count(x => x.Got == p0);
        int actual = results.Count(x => x.Gold == p0);
        double accuracy = results.Count(x => x.Gold == x.Got) / (double)results.Count;
        output.WriteLine($"{set}: n={results.Count} accuracy={accuracy:P1} P0 recall={truePositives}/{actual} P0 precision={truePositives}/{predicted}");
        foreach (var miss in results.Where(x => x.Gold != x.Got))
        {
            output.WriteLine($"  {miss.Gold} -> {miss.Got}: {miss.Text}");
        }

        Assert.Equal(actual, truePositives);
        Assert.True(truePositives >= 0.9 * predicted, $"P0 precision {truePositives}/{predicted} is below 90 %");
    }

    [Theory]
    [MemberData(nameof(ReplySets))]
    public void Replies_EverySet_EveryOptOutRecognisedAndFalseOptOutsReported(string set)
    {
        List<LabelledText> rows = LabelledCorpus.Load(set);
        var results = rows.Select(r => (r.Text, Gold: r.Label, Got: ReplyCategories.For(ReplyClassifier.Default.Classify(r.Text).Category).WireName)).ToList();
        const string optOut = "unsubscribe";
        int truePositives = results.Count(x => x.Gold == optOut && x.Got == optOut);
        int predicted = results.Count(x => x.Got == optOut);
        int actual = results.Count(x => x.Gold == optOut);
        double accuracy = results.Count(x => x.Gold == x.Got) / (double)results.Count;
        output.WriteLine($"{set}: n={results.Count} accuracy={accuracy:P1} opt-out recall={truePositives}/{actual} opt-out precision={truePositives}/{predicted}");
        foreach (var miss in results.Where(x => x.Gold != x.Got))
        {
            output.WriteLine($"  {miss.Gold} -> {miss.Got}: {miss.Text}");
        }

        Assert.Equal(actual, truePositives);
        Assert.True(truePositives >= 0.9 * predicted, $"opt-out precision {truePositives}/{predicted} is below 90 %");
    }
}
