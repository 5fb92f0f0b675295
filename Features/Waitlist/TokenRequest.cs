using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Waitlist.Features.Waitlist;

/// <summary>A link from a waitlist email: its signed token is the whole request.</summary>
internal sealed record TokenRequest([property: Description(WaitlistTexts.TokenParameter)] [FromQuery(Name = "token")] string? Token);
