using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Replies.Contracts;
using Dealix.Orchestrations.Replies.Rules;
using Dealix.Orchestrations.Support.Contracts;
using Dealix.Orchestrations.Support.Rules;
using Xunit.Abstractions;

namespace Dealix.Orchestrations.Tests.Classification;

/// <summary>
/// Measures the layered classifiers on the held-out part of the corpus, which no model ever trains on.
/// The thresholds are the issue's: 90 % accuracy, and every opt-out and every P0 recognised.
/// </summary>
public class HeldOutEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Replies_HeldOutCorpus_AtLeastNinetyPercentAndEveryOptOut()
    {
        List<LabelledText> eval = LabelledCorpus.Load(LabelledCorpus.RepliesEval);
        var results = eval.Select(r => (Gold: r.Label, Got: ReplyCategories.For(ReplyClassifier.Default.Classify(r.Text).Category).WireName)).ToList();

        double accuracy = results.Count(x => x.Gold == x.Got) / (double)results.Count;
        var optOuts = results.Where(x => x.Gold == "unsubscribe").ToList();
        double recall = optOuts.Count(x => x.Got == "unsubscribe") / (double)optOuts.Count;
        output.WriteLine($"replies held-out: n={results.Count} accuracy={accuracy:P1} opt-out recall={recall:P1} ({optOuts.Count} opt-outs); model {ReplyClassifier.Default.ModelVersion}");

        Assert.True(eval.Count >= 100, "the held-out part must hold at least 100 replies");
        Assert.True(accuracy >= 0.90, $"held-out reply accuracy {accuracy:P1} is below 90 %");
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void Tickets_HeldOutCorpus_AtLeastNinetyPercentAndEveryP0()
    {
        List<LabelledText> eval = LabelledCorpus.Load(LabelledCorpus.TicketsEval);
        var results = eval.Select(r => (Gold: r.Label, Got: TicketClassifier.Default.Classify(null, r.Text).Priority.ToString())).ToList();

        double accuracy = results.Count(x => x.Gold == x.Got) / (double)results.Count;
        var p0 = results.Where(x => x.Gold == nameof(TicketPriority.P0)).ToList();
        double recall = p0.Count(x => x.Got == nameof(TicketPriority.P0)) / (double)p0.Count;
        output.WriteLine($"tickets held-out: n={results.Count} accuracy={accuracy:P1} P0 recall={recall:P1} ({p0.Count} P0); model {TicketClassifier.Default.ModelVersion}");

        Assert.True(eval.Count >= 50, "the held-out part must hold at least 50 tickets");
        Assert.True(accuracy >= 0.90, $"held-out ticket accuracy {accuracy:P1} is below 90 %");
        Assert.Equal(1.0, recall);
    }

    [Fact]
    public void Corpus_TrainAndHeldOut_ShareNoText()
    {
        var train = LabelledCorpus.Load(LabelledCorpus.RepliesTrain).Concat(LabelledCorpus.Load(LabelledCorpus.TicketsTrain))
            .Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
        var eval = new[]
        {
            LabelledCorpus.RepliesEval, LabelledCorpus.TicketsEval, LabelledCorpus.RepliesDev, LabelledCorpus.RepliesSealed,
            LabelledCorpus.TicketsDev, LabelledCorpus.TicketsSealed,
        }.SelectMany(LabelledCorpus.Load);

        Assert.DoesNotContain(eval, r => train.Contains(r.Text));
    }

    [Fact]
    public void Corpus_Sizes_MeetTheIssueMinimums()
    {
        int replies = LabelledCorpus.Load(LabelledCorpus.RepliesTrain).Count + LabelledCorpus.Load(LabelledCorpus.RepliesEval).Count;
        int tickets = LabelledCorpus.Load(LabelledCorpus.TicketsTrain).Count + LabelledCorpus.Load(LabelledCorpus.TicketsEval).Count;

        Assert.True(replies >= 600, $"{replies} replies");
        Assert.True(tickets >= 300, $"{tickets} tickets");
    }

    [Fact]
    public void Corpus_Labels_AreKnownCategoriesAndPriorities()
    {
        foreach (LabelledText row in LabelledCorpus.Load(LabelledCorpus.RepliesTrain).Concat(LabelledCorpus.Load(LabelledCorpus.RepliesEval)))
        {
            Assert.True(ReplyCategories.TryParse(row.Label, out _), row.Label);
        }

        foreach (LabelledText row in LabelledCorpus.Load(LabelledCorpus.TicketsTrain).Concat(LabelledCorpus.Load(LabelledCorpus.TicketsEval)))
        {
            Assert.True(Enum.TryParse<TicketPriority>(row.Label, out _), row.Label);
        }
    }

    [Fact]
    public void Training_SameDataAndSeed_GivesTheSameModel()
    {
        // A slice keeps this test quick; determinism does not depend on the data size.
        List<LabelledText> rows = [.. LabelledCorpus.Load(LabelledCorpus.TicketsTrain).Where((_, i) => i % 8 == 0)];
        string sha = LabelledCorpus.Sha256(LabelledCorpus.TicketsTrain);
        TextClassifierModel first = TextClassifierModel.Train(rows, sha);
        TextClassifierModel second = TextClassifierModel.Train(rows, sha);

        Assert.Equal(first.Version, second.Version);
        Assert.StartsWith("sha256:" + sha, first.Version, StringComparison.Ordinal);
        foreach (LabelledText probe in LabelledCorpus.Load(LabelledCorpus.TicketsEval).Take(10))
        {
            TextPrediction a = first.Predict(probe.Text);
            TextPrediction b = second.Predict(probe.Text);
            Assert.Equal(a.Label, b.Label);
            Assert.Equal(a.Confidence, b.Confidence, precision: 6);
        }
    }

    [Fact]
    public void ModelVersion_DefaultClassifiers_NameTheirTrainingDataHash()
    {
        Assert.StartsWith("sha256:" + LabelledCorpus.Sha256(LabelledCorpus.RepliesTrain), ReplyClassifier.Default.ModelVersion, StringComparison.Ordinal);
        Assert.StartsWith("sha256:" + LabelledCorpus.Sha256(LabelledCorpus.TicketsTrain), TicketClassifier.Default.ModelVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplyCategory_EveryCategory_HasTableRow() =>
        Assert.Equal(Enum.GetValues<ReplyCategory>().Length, ReplyCategories.All.Count);
}
