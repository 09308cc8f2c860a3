using System.Security.Cryptography;
using Dealix.Orchestrations.Common.Text;

namespace Dealix.Orchestrations.Classification;

/// <summary>
/// Reads the labelled corpora embedded under <c>Classification/Data/</c> (<c>label\ttext</c> per line, a header
/// line first) and hashes them, so every model records exactly which data it was trained on.
/// </summary>
public static class LabelledCorpus
{
    /// <summary>Reply corpus, training part.</summary>
    public const string RepliesTrain = "Classification.Data.replies.train.tsv";

    /// <summary>Reply corpus, held-out evaluation part: never trained on.</summary>
    public const string RepliesEval = "Classification.Data.replies.eval.tsv";

    /// <summary>Ticket corpus, training part.</summary>
    public const string TicketsTrain = "Classification.Data.tickets.train.tsv";

    /// <summary>Ticket corpus, held-out evaluation part: never trained on.</summary>
    public const string TicketsEval = "Classification.Data.tickets.eval.tsv";

    /// <summary>
    /// Tickets written after the models existed, to measure P0 precision on wording the training never saw (typical
    /// false P0s: billing, feature and how-to questions marked urgent). The dev part may guide changes to the rules
    /// and the training data; the sealed part only measures them. Neither is ever trained on.
    /// </summary>
    public const string TicketsDev = "Classification.Data.tickets.dev.tsv";

    /// <summary>Sealed ticket evaluation set: measured, never tuned against, never trained on.</summary>
    public const string TicketsSealed = "Classification.Data.tickets.sealed.tsv";

    /// <summary>Replies written to measure false opt-outs (signatures, greetings, complaints); dev part.</summary>
    public const string RepliesDev = "Classification.Data.replies.dev.tsv";

    /// <summary>Sealed reply evaluation set: measured, never tuned against, never trained on.</summary>
    public const string RepliesSealed = "Classification.Data.replies.sealed.tsv";

    /// <summary>Parses an embedded corpus file.</summary>
    public static List<LabelledText> Load(string fileName) => Parse(EmbeddedData.ReadText(fileName));

    /// <summary>Parses corpus text: a header line, then <c>label\ttext</c> lines; blank lines are skipped.</summary>
    public static List<LabelledText> Parse(string content)
    {
        var rows = new List<LabelledText>();
        foreach (string line in content.Split('\n').Skip(1))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0)
            {
                continue;
            }

            rows.Add(new LabelledText(line[..tab].Trim(), line[(tab + 1)..].TrimEnd('\r')));
        }

        return rows;
    }

    /// <summary>Lower-case hex SHA-256 of an embedded file's bytes: the training-data version of a model.</summary>
    public static string Sha256(string fileName)
    {
        using Stream stream = EmbeddedData.Open(fileName);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
