using System.ComponentModel;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Waitlist.Infrastructure.Errors;
using Waitlist.Infrastructure.Validation;

namespace Waitlist.Features.Waitlist.Admin.InviteEntry;

public sealed record Request([property: Description(WaitlistTexts.IdParameter)] [FromRoute(Name = "id")] string Id)
{
    /// <summary>The entry's id; the validator has checked that it reads as one.</summary>
    public Guid EntryId => Guid.ParseExact(Id, "D");
}

internal sealed class Validator : AbstractValidator<Request>
{
    public Validator() =>
        RuleFor(r => r.Id).Must(id => Guid.TryParseExact(id, "D", out _)).WithError(CommonTexts.InvalidId);
}
