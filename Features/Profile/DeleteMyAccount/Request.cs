namespace Waitlist.Features.Profile.DeleteMyAccount;

/// <param name="Password">The account's password; an account without one leaves it out and needs a fresh session instead.</param>
internal sealed record Request(string? Password = null);
