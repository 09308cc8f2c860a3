using System.Text.Json;
using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// The trained model artefacts embedded under <c>Classification/Data/</c> (ML.NET zips) and the versions they were
/// trained as (<c>models.json</c>: "sha256:&lt;training data&gt;;&lt;options&gt;"). A classifier loads its artefact only
/// when the recorded version equals the version the current training data and options would produce; otherwise it
/// trains from the embedded corpus (same data + seed → same model), so a stale artefact can slow a cold start but
/// never change an answer. A test fails while an artefact is stale; regenerate with <see cref="Write"/>.
/// </summary>
public static class ModelArtefacts
{
    /// <summary>The reply model artefact.</summary>
    public const string RepliesModel = "reply-model.zip";

    /// <summary>The ticket model artefact.</summary>
    public const string TicketsModel = "ticket-model.zip";

    internal const string VersionsFile = "Classification.Data.models.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The version a model trained now from <paramref name="trainingFile"/> with default options would carry.</summary>
    public static string ExpectedVersion(string trainingFile) =>
        $"sha256:{LabelledCorpus.Sha256(trainingFile)};{new TextClassifierOptions().Describe()}";

    /// <summary>The version recorded for an embedded artefact, or null.</summary>
    public static string? RecordedVersion(string artefact)
    {
        using Stream? stream = EmbeddedData.TryOpen(VersionsFile);
        if (stream is null)
        {
            return null;
        }

        Dictionary<string, string>? versions = JsonSerializer.Deserialize<Dictionary<string, string>>(stream, EmbeddedData.JsonOptions);
        return versions is not null && versions.TryGetValue(artefact, out string? version) ? version : null;
    }

    /// <summary>Loads the embedded artefact when it is current, otherwise trains from the corpus.</summary>
    public static TextClassifierModel LoadOrTrain(string trainingFile, string artefact)
    {
        string expected = ExpectedVersion(trainingFile);
        if (RecordedVersion(artefact) == expected && EmbeddedData.TryOpen("Classification.Data." + artefact) is { } zip)
        {
            using (zip)
            {
                return TextClassifierModel.Load(zip, expected, new TextClassifierOptions().Seed);
            }
        }

        return TextClassifierModel.Train(LabelledCorpus.Load(trainingFile), LabelledCorpus.Sha256(trainingFile));
    }

    /// <summary>Trains both models from the embedded corpora and writes the artefacts and <c>models.json</c> to a folder.</summary>
    public static void Write(string directory)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string training, string artefact) in new[] { (LabelledCorpus.RepliesTrain, RepliesModel), (LabelledCorpus.TicketsTrain, TicketsModel) })
        {
            TextClassifierModel model = TextClassifierModel.Train(LabelledCorpus.Load(training), LabelledCorpus.Sha256(training));
            using (FileStream file = File.Create(Path.Combine(directory, artefact)))
            {
                model.Save(file);
            }

            versions[artefact] = model.Version;
        }

        File.WriteAllText(Path.Combine(directory, "models.json"),
            JsonSerializer.Serialize(versions, Indented) + "\n");
    }
}
