namespace Waitlist.Infrastructure.Validation;

public static class RouteIdFilter
{
    /// <summary>
    /// The route value <paramref name="name"/> must have the shape <paramref name="isWellFormed"/> accepts (each feature
    /// knows its own ids); anything else is a 400 INVALID_ID before the handler runs: never a lookup, a 404 or a 500.
    /// On a route group, it holds for every route inside.
    /// </summary>
    public static TBuilder ValidateRouteId<TBuilder>(this TBuilder route, string name, Func<string, bool> isWellFormed) where TBuilder : IEndpointConventionBuilder =>
        route.AddEndpointFilter(async (context, next) =>
                context.HttpContext.Request.RouteValues[name] is string id && isWellFormed(id)
                    ? await next(context)
                    : ErrorResponses.Result(CommonTexts.InvalidId))
            .ProducesErrors(StatusCodes.Status400BadRequest);
}
