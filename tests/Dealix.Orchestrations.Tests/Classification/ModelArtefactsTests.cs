using Dealix.Orchestrations.Classification;
using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Tests.Classification;

public class ModelArtefactsTests
{
    [Theory]
    [InlineData(LabelledCorpus.RepliesTrain, ModelArtefacts.RepliesModel)]
    [InlineData(LabelledCorpus.TicketsTrain, ModelArtefacts.TicketsModel)]
    public void RecordedVersion_EmbeddedArtefact_MatchesCurrentTrainingData(string training, string artefact) =>
        // Stale after a corpus or option change: regenerate with
        // DEALIX_WRITE_MODELS=orchestrations/Dealix.Orchestrations/Classification/Data dotnet test --filter ModelArtefacts_Regenerate
        Assert.Equal(ModelArtefacts.ExpectedVersion(training), ModelArtefacts.RecordedVersion(artefact));

    [Fact]
    public void LoadOrTrain_TicketArtefact_PredictsLikeAFreshTraining()
    {
        TextClassifierModel loaded = ModelArtefacts.LoadOrTrain(LabelledCorpus.TicketsTrain, ModelArtefacts.TicketsModel);
        TextClassifierModel trained = TextClassifierModel.Train(LabelledCorpus.Load(LabelledCorpus.TicketsTrain), LabelledCorpus.Sha256(LabelledCorpus.TicketsTrain));

        Assert.Equal(trained.Version, loaded.Version);
        foreach (LabelledText probe in LabelledCorpus.Load(LabelledCorpus.TicketsEval))
        {
            TextPrediction a = loaded.Predict(probe.Text);
            TextPrediction b = trained.Predict(probe.Text);
            Assert.Equal(b.Label, a.Label);
            Assert.Equal(b.Confidence, a.Confidence, precision: 5);
        }
    }

    [Fact]
    public void ModelArtefacts_Regenerate_WritesWhenAsked()
    {
        string? directory = Environment.GetEnvironmentVariable("DEALIX_WRITE_MODELS");
        if (string.IsNullOrWhiteSpace(directory))
        {
            return; // only a developer regenerating the artefacts sets this
        }

        ModelArtefacts.Write(directory);
        Assert.True(File.Exists(Path.Combine(directory, "models.json")));
    }

    [Fact]
    public void TryOpen_MissingFile_IsNull() => Assert.Null(EmbeddedData.TryOpen("no-such-file.json"));
}
