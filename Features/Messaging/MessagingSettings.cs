using System.ComponentModel.DataAnnotations;

namespace Waitlist.Features.Messaging;

/// <summary>The <c>Messaging</c> section.</summary>
public sealed class MessagingSettings : IValidatableObject
{
    /// <summary>The dashboard's messages page: where the daily digest's link goes.</summary>
    public string DashboardUrl { get; set; } = "http://localhost:3000/mensajes";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(DashboardUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"Messaging:DashboardUrl must be an absolute http(s) URL, not '{DashboardUrl}'.");
    }
}
