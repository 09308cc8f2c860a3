namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>One post the planner suggests for a week: its slot, topic, template, text and what inspired it.</summary>
public sealed record PlannedPost(int Slot, string Topic, string TemplateId, string Text, string Inspiration);
