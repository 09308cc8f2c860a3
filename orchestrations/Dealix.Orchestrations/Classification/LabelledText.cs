namespace Dealix.Orchestrations.Classification;

/// <summary>One labelled example of the training or evaluation corpus.</summary>
public sealed record LabelledText(string Label, string Text);
