using Waitlist.Infrastructure.Errors;

namespace Waitlist.Infrastructure.Endpoints;

/// <summary>One use case's HTTP mapping. Implementations are found by reflection: a new use case is one new folder.</summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder app);
}

/// <summary>
/// What a feature's endpoints share — path prefix, tag, rate-limit policy, error format, OpenAPI metadata — as one
/// route group, so that each endpoint states only what is its own.
/// </summary>
public interface IEndpointGroup
{
    RouteGroupBuilder Map(IEndpointRouteBuilder app);
}

/// <summary>An endpoint mapped inside <typeparamref name="TGroup"/>: its paths are relative to the group's prefix.</summary>
public interface IEndpoint<TGroup> : IEndpoint where TGroup : IEndpointGroup, new();

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
        var groups = new Dictionary<Type, RouteGroupBuilder>();
        foreach (var endpoint in ConcreteTypes<IEndpoint>().OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            var target = GroupOf(endpoint) is { } group
                ? groups.TryGetValue(group, out var builder) ? builder : groups[group] = ((IEndpointGroup)Activator.CreateInstance(group)!).Map(api)
                : api;
            ((IEndpoint)Activator.CreateInstance(endpoint)!).Map(target);
        }
        return app;
    }

    private static Type? GroupOf(Type endpoint) =>
        endpoint.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEndpoint<>))?.GetGenericArguments()[0];
}
