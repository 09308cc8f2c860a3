namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// The approved WhatsApp template operator alerts are sent as (<c>Operators:WhatsAppTemplate</c>). Its body takes two
/// text parameters, in this order: <c>{{1}}</c> the headline (<c>[Dealix critical] Draft d-1 breached …</c>),
/// <c>{{2}}</c> where to act (the link, else the alert and tenant ids); see <see cref="AlertTexts.TemplateParameters"/>.
/// </summary>
public sealed record AlertTemplate(string Name, string Language);
