namespace Waitlist.Features.Profile.UpdateMe;

/// <summary>
/// Changes what the body carried, together: the name and image on the account (through Auth's directory), the rest on
/// the profile. An image other than the uploaded avatar's URL retires that avatar, so its URL stops answering.
/// </summary>
internal sealed class Handler(DbScope db, UserDirectory users, ProfileStore profiles) : IHandler
{
    public async Task<Ok<MeResponse>> HandleAsync(Request request, HttpContext context, CancellationToken cancellationToken)
    {
        var user = context.RequiredUser();
        var image = request.Image?.Trim();
        var changesImage = request.Has(nameof(Request.Image)) && image != user.Image;

        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (request.Has(nameof(Request.Name)) || changesImage)
            user = await users.UpdateNameAndImageAsync(user.Id, request.Name?.Trim(), changesImage, image, cancellationToken);
        if (changesImage)
            await profiles.DeleteAvatarAsync(user.Id, cancellationToken);
        var profile = await profiles.FindOrPrefillAsync(user, cancellationToken);
        if (request.Profile is not null)
        {
            var (values, changed) = request.Profile.ApplyTo(profile);
            profile = await profiles.SaveAsync(user.Id, values, changed, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(MeResponse.Of(user, profile));
    }
}
