using Waitlist.Infrastructure.Errors;

namespace Waitlist.Infrastructure.Endpoints;

/// <summary>One use case's HTTP mapping. Implementations are found by reflection: a new use case is one new folder.</summary>
public interface IEndpoint
{
    void Map(IEndpointRouteBuilder app);
}

/// <summary>Marks a use case's handler, registered as a scoped service for its endpoint to receive.</summary>
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
        // Any endpoint can fail unexpectedly; the document says what it then answers.
        var api = app.MapGroup(string.Empty)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(ApiError), ["application/json"]));
        foreach (var endpoint in ConcreteTypes<IEndpoint>().OrderBy(type => type.FullName, StringComparer.Ordinal))
            ((IEndpoint)Activator.CreateInstance(endpoint)!).Map(api);
        return app;
    }
}
