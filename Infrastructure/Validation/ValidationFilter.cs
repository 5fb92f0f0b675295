using FluentValidation;
using Waitlist.Infrastructure.Errors;

namespace Waitlist.Infrastructure.Validation;

/// <summary>
/// Runs the request's FluentValidation validator before the handler and answers 400 with the field errors,
/// so that no handler validates by hand.
/// </summary>
public sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<TRequest>().Single();
        var result = await validator.ValidateAsync(request, context.HttpContext.RequestAborted);
        if (result.IsValid)
            return await next(context);

        var details = result.Errors
            .Select(failure => new FieldError(JsonName(failure.PropertyName), failure.ErrorCode, failure.ErrorMessage))
            .ToList();
        return ErrorResponses.ValidationFailed(context.HttpContext, details);
    }

    private static string JsonName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? propertyName : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}

public static class ValidationExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="TRequest"/> body and documents the 400 it may answer.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().Produces<ApiError>(StatusCodes.Status400BadRequest);

    /// <summary>Registers every validator in the assembly as <see cref="IValidator{T}"/> of the request it validates.</summary>
    public static IServiceCollection AddValidators(this IServiceCollection services)
    {
        var validators = typeof(ValidationExtensions).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                .Select(i => (Service: i, Implementation: type)));
        foreach (var (service, implementation) in validators)
            services.AddSingleton(service, implementation);
        return services;
    }
}
