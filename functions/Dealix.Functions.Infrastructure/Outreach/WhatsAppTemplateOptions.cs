namespace Dealix.Functions.Infrastructure.Outreach;

/// <summary>
/// Settings section <c>WhatsAppTemplates</c>: the approved template (channels.md §1.7) that replaces a free-form WhatsApp
/// draft outside the 24-hour window, per draft kind (<c>follow_up</c>, <c>reply</c>, <c>first_touch</c>) and optionally
/// per tenant (<c>WhatsAppTemplates:Tenants:{tenant}:{kind}</c>). <c>Parameters</c> name the tenant placeholders
/// (<c>Deals:Placeholders</c>) that fill the body parameters, in the template's order.
/// </summary>
public sealed class WhatsAppTemplateOptions
{
    public const string Section = "WhatsAppTemplates";

    /// <summary>Templates by draft kind.</summary>
    public Dictionary<string, TemplateSetting> Kinds { get; set; } = [];

    /// <summary>Per-tenant templates by draft kind.</summary>
    public Dictionary<string, Dictionary<string, TemplateSetting>> Tenants { get; set; } = [];
}

/// <summary>One template: name, language code and the placeholder names of its body parameters.</summary>
public sealed class TemplateSetting
{
    public string Name { get; set; } = string.Empty;

    public string Language { get; set; } = "ar";

    public List<string> Parameters { get; set; } = [];
}
