namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// A pre-approved WhatsApp template message (channels.md §1.6–1.7): its name, language code and the body parameters in
/// the order the approved template declares them. The only kind of WhatsApp message allowed outside the 24-hour window.
/// </summary>
// WARNING: persisted in storage (inside a draft) and in history.
public sealed record WhatsAppTemplate(string Name, string Language, IReadOnlyList<string> Parameters);
