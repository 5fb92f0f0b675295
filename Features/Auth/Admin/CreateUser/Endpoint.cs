using Microsoft.AspNetCore.Http.HttpResults;
using Waitlist.Infrastructure.Endpoints;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Features.Auth.Admin.CreateUser;

public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/admin/create-user", HandleAsync)
            .WithName("AdminCreateUser")
            .WithTags("Administración de usuarios")
            .WithSummary("Crear una cuenta (admin)")
            .WithDescription("Para cuentas de staff que inician sesión por nombre de usuario: { email, password, name, role, data: { username } }.")
            .AdminOnly<Request>(AuthTexts.NotAllowedToCreateUsers);

    private static Task<Results<Ok<UserResponse>, JsonHttpResult<BetterAuthError>>> HandleAsync(Request request, Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(request, cancellationToken);
}
