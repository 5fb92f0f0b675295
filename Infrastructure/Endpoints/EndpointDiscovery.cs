namespace Waitlist.Infrastructure.Endpoints;

/// <summary>
/// A feature's routes (<c>&lt;Feature&gt;Routes.cs</c>), found by reflection. A feature maps its routes in one route
/// group that carries what they share — prefix, tag, rate-limit policy, error format — so that each route states only
/// its path, its use case's handler and what is its own.
/// </summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder app);
}

/// <summary>
/// A use case's handler: the class that does the work of one request — takes its <c>Request</c> (and the caller, when
/// it matters) and returns the endpoint's typed result. Registered as a scoped service for its endpoint to receive.
/// </summary>
public interface IHandler;

public static class EndpointDiscovery
{
    /// <summary>The API's classes that implement <typeparamref name="T"/>: the one scan behind every discovery.</summary>
    public static IEnumerable<Type> ConcreteTypes<T>() =>
        typeof(EndpointDiscovery).Assembly.GetTypes().Where(type => type is { IsAbstract: false, IsInterface: false } && typeof(T).IsAssignableFrom(type));

    public static IServiceCollection AddHandlers(this IServiceCollection services)
    {
        foreach (var handler in ConcreteTypes<IHandler>())
            services.AddScoped(handler);
        return services;
    }

    public static IEndpointRouteBuilder MapEndpoints(this IEndpointRouteBuilder app)
    {
        // Any endpoint can fail unexpectedly or find the database down; the document says what it then answers.
        var api = app.MapGroup(string.Empty).ProducesErrors(StatusCodes.Status500InternalServerError, StatusCodes.Status503ServiceUnavailable);
        foreach (var endpoint in ConcreteTypes<IEndpoint>().OrderBy(type => type.FullName, StringComparer.Ordinal))
            ((IEndpoint)Activator.CreateInstance(endpoint)!).Map(api);
        return app;
    }

    /// <summary>The operation's id, summary and (optional) description in the OpenAPI document.</summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder route, string name, string summary, string? description = null)
    {
        route.WithName(name).WithSummary(summary);
        return description is null ? route : route.WithDescription(description);
    }
}
