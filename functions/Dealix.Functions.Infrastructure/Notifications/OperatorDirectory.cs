using System.Net.Mail;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// Who hears about what, and on which channel, from settings (read once, refused at start when wrong):
/// <list type="bullet">
/// <item><c>Operators:Contacts:{id}:Tenant</c> (a tenant id, or <c>*</c> for every tenant), <c>:Role</c> (a §2 role),
/// <c>:Email</c> and/or <c>:WhatsApp</c> (digits, optional <c>+</c>);</item>
/// <item><c>Operators:Webhooks:{id}:Tenant</c> (or <c>*</c>), <c>:Url</c> (https; http only to loopback), <c>:Secret</c>
/// (at least 16 characters);</item>
/// <item><c>Operators:LiveSend:Email|WhatsApp|Webhook</c>: off unless <c>true</c> (off: deliveries are recorded as
/// <c>simulated</c>).</item>
/// <item><c>Operators:PublicBaseUrl</c>: where the app is reached (absolute http(s), no query); an alert's app-path link
/// (<c>/api/v1/…</c>) is rendered against it (<see cref="AlertLinks"/>), else left as the path.</item>
/// <item><c>Operators:WhatsAppTemplate:Name</c> (lowercase letters, digits, <c>_</c>) and <c>:Language</c> (default
/// <c>ar</c>): the approved template WhatsApp alerts go out as. An operator rarely wrote to the business number in the
/// last 24 hours, and outside that window the Cloud API refuses free-form text (error 131047, channels.md §1.7); without
/// a template the alert is sent as text and such a refusal fails the delivery at once.</item>
/// </list>
/// An alert goes to the contacts of its tenant with its <see cref="OperatorAlert.OwnerRole"/> (no role: <c>operator</c>);
/// when the tenant has none with that role, to its <c>founder</c> contacts, so an alert is never silently dropped. Every
/// webhook of the tenant receives every alert.
/// </summary>
public sealed class OperatorDirectory
{
    /// <summary>The tenant value meaning every tenant.</summary>
    public const string AnyTenant = "*";

    /// <summary>The role that holds the kill switch (§17.8) and receives what no one else owns.</summary>
    public const string Founder = "founder";

    private const string Section = "Operators";

    private static readonly string[] Roles = ["founder", "operator", "team_lead", "engineer", "csm", "support", "customer_approver"];

    public OperatorDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        Contacts = [.. configuration.GetSection($"{Section}:Contacts").GetChildren().Select(c => ReadContact(c, problems)).OfType<OperatorContact>()];
        Webhooks = [.. configuration.GetSection($"{Section}:Webhooks").GetChildren().Select(w => ReadWebhook(w, problems)).OfType<OperatorWebhook>()];
        IConfigurationSection live = configuration.GetSection($"{Section}:LiveSend");
        LiveEmail = Flag(live, "Email", problems);
        LiveWhatsApp = Flag(live, "WhatsApp", problems);
        LiveWebhook = Flag(live, "Webhook", problems);
        PublicBaseUrl = AlertLinks.ReadBaseUrl(configuration[$"{Section}:PublicBaseUrl"], $"{Section}:PublicBaseUrl", problems);
        WhatsAppTemplate = ReadTemplate(configuration.GetSection($"{Section}:WhatsAppTemplate"), problems);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Operator alert settings are invalid: " + string.Join(" ", problems));
        }
    }

    /// <summary>Every configured contact.</summary>
    public IReadOnlyList<OperatorContact> Contacts { get; }

    /// <summary>Every configured webhook.</summary>
    public IReadOnlyList<OperatorWebhook> Webhooks { get; }

    public bool LiveEmail { get; }

    public bool LiveWhatsApp { get; }

    public bool LiveWebhook { get; }

    /// <summary>The app's public address for alert links (<c>Operators:PublicBaseUrl</c>), or null.</summary>
    public Uri? PublicBaseUrl { get; }

    /// <summary>The approved template of WhatsApp alerts (<c>Operators:WhatsAppTemplate</c>), or null: sent as text.</summary>
    public AlertTemplate? WhatsAppTemplate { get; }

    /// <summary>True when live sending is on for <paramref name="channel"/> (<see cref="AlertChannel"/>).</summary>
    public bool IsLive(string channel) => channel switch
    {
        AlertChannel.Email => LiveEmail,
        AlertChannel.WhatsApp => LiveWhatsApp,
        AlertChannel.Webhook => LiveWebhook,
        _ => false,
    };

    /// <summary>The contacts that receive <paramref name="alert"/>, as described on the class.</summary>
    public IReadOnlyList<OperatorContact> RecipientsOf(OperatorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        string role = alert.OwnerRole ?? "operator";
        List<OperatorContact> owners = [.. Contacts.Where(c => c.Serves(alert.Tenant) && c.Role == role)];
        return owners.Count > 0 ? owners : [.. Contacts.Where(c => c.Serves(alert.Tenant) && c.Role == Founder)];
    }

    /// <summary>The webhooks that receive the alerts of <paramref name="tenant"/>.</summary>
    public IReadOnlyList<OperatorWebhook> WebhooksOf(string tenant) => [.. Webhooks.Where(w => w.Serves(tenant))];

    /// <summary>The contact with <paramref name="id"/>, or null.</summary>
    public OperatorContact? Contact(string id) => Contacts.FirstOrDefault(c => c.Id == id);

    /// <summary>The webhook with <paramref name="id"/>, or null.</summary>
    public OperatorWebhook? Webhook(string id) => Webhooks.FirstOrDefault(w => w.Id == id);

    /// <summary>The contact of <paramref name="tenant"/> whose WhatsApp number is <paramref name="from"/> (any formatting:
    /// <c>+966 5…</c>, <c>9665…@c.us</c>), or null.</summary>
    public OperatorContact? FindByWhatsApp(string tenant, string from)
    {
        string digits = Digits(from.Split('@')[0]);
        return digits.Length == 0 ? null : Contacts.FirstOrDefault(c => c.Serves(tenant) && c.WhatsApp is { } w && Digits(w) == digits);
    }

    /// <summary>The contact of <paramref name="tenant"/> whose e-mail address is <paramref name="from"/>
    /// (<c>Name &lt;a@b&gt;</c> or a bare address, case-insensitive), or null.</summary>
    public OperatorContact? FindByEmail(string tenant, string from)
    {
        string? address = MailAddress.TryCreate(from.Trim(), out MailAddress? parsed) ? parsed.Address : null;
        return address is null ? null
            : Contacts.FirstOrDefault(c => c.Serves(tenant) && c.Email is { } e && string.Equals(e, address, StringComparison.OrdinalIgnoreCase));
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    private static OperatorContact? ReadContact(IConfigurationSection entry, List<string> problems)
    {
        string where = $"{Section}:Contacts:{entry.Key}";
        int before = problems.Count;
        string? tenant = Tenant(entry["Tenant"], where, problems);
        string? role = entry["Role"]?.Trim();
        if (role is null || !Roles.Contains(role))
        {
            problems.Add($"{where}:Role must be one of {string.Join(", ", Roles)}.");
        }

        string? email = Blank(entry["Email"]);
        if (email is not null && !(MailAddress.TryCreate(email, out MailAddress? parsed) && parsed.Address == email))
        {
            problems.Add($"{where}:Email is not a bare e-mail address (name@domain).");
        }

        string? whatsApp = Blank(entry["WhatsApp"]);
        if (whatsApp is not null && !IsPhone(whatsApp))
        {
            problems.Add($"{where}:WhatsApp must be an international number: 8-15 digits, optionally starting with '+'.");
        }

        if (email is null && whatsApp is null)
        {
            problems.Add($"{where} needs an Email or a WhatsApp number.");
        }

        return problems.Count == before ? new OperatorContact(entry.Key, tenant!, role!, email, whatsApp) : null;
    }

    private static OperatorWebhook? ReadWebhook(IConfigurationSection entry, List<string> problems)
    {
        string where = $"{Section}:Webhooks:{entry.Key}";
        int before = problems.Count;
        string? tenant = Tenant(entry["Tenant"], where, problems);
        Uri? url = Uri.TryCreate(entry["Url"], UriKind.Absolute, out Uri? u) ? u : null;
        if (url is null || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            problems.Add($"{where}:Url must be an absolute https URL (http only to a loopback address).");
        }

        string? secret = entry["Secret"];
        if (secret is null || secret.Length < 16)
        {
            problems.Add($"{where}:Secret must be at least 16 characters.");
        }

        return problems.Count == before ? new OperatorWebhook(entry.Key, tenant!, url!, secret!) : null;
    }

    private static AlertTemplate? ReadTemplate(IConfigurationSection section, List<string> problems)
    {
        string? name = Blank(section["Name"]);
        string language = Blank(section["Language"]) ?? "ar";
        if (name is null)
        {
            if (section["Language"] is not null)
            {
                problems.Add($"{Section}:WhatsAppTemplate:Language is set but :Name is not.");
            }

            return null;
        }

        int before = problems.Count;
        if (name.Length > 512 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
        {
            problems.Add($"{Section}:WhatsAppTemplate:Name must be a WhatsApp template name: lowercase letters, digits and '_'.");
        }

        if (!IsLanguageCode(language))
        {
            problems.Add($"{Section}:WhatsAppTemplate:Language must be a template language code such as ar, en or en_US.");
        }

        return problems.Count == before ? new AlertTemplate(name, language) : null;
    }

    private static bool IsLanguageCode(string value)
    {
        string[] parts = value.Split('_');
        return parts.Length <= 2 && parts[0].Length is 2 or 3 && parts[0].All(char.IsAsciiLetterLower)
            && (parts.Length == 1 || (parts[1].Length == 2 && parts[1].All(char.IsAsciiLetterUpper)));
    }

    private static string? Tenant(string? value, string where, List<string> problems)
    {
        string? tenant = value?.Trim();
        if (tenant != AnyTenant && (tenant is null || !DealKeys.IsValidKey(tenant, DealKeys.MaxTenantIdLength)))
        {
            problems.Add($"{where}:Tenant must be a tenant id or '*' (every tenant).");
        }

        return tenant;
    }

    private static bool Flag(IConfigurationSection live, string channel, List<string> problems)
    {
        string? value = live[channel];
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (!bool.TryParse(value, out bool on))
        {
            problems.Add($"{Section}:LiveSend:{channel} must be true or false.");
        }

        return on;
    }

    private static bool IsPhone(string value)
    {
        string digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is >= 8 and <= 15 && digits.All(char.IsAsciiDigit);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
