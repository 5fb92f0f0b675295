namespace Waitlist.Infrastructure.Validation;

/// <summary>
/// Runs the request's FluentValidation validator before the handler and answers with the field errors, so that no
/// handler validates by hand. A rule may carry an <see cref="ErrorKind"/> as its state (<see cref="ValidationExtensions.WithError{T, TProperty}"/>)
/// when its failure is not a plain 400.
/// </summary>
public sealed class ValidationFilter<TRequest>(IValidator<TRequest> validator) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        // Synchronously: no rule does I/O (checks against stored data belong to the handler, in its transaction), and
        // FluentValidation's asynchronous path costs more than the rules themselves on every request.
        var result = validator.Validate(context.Arguments.OfType<TRequest>().Single());
        if (result.IsValid)
            return next(context);

        var details = result.Errors
            .Select(failure => new FieldError(JsonName(failure.PropertyName), failure.ErrorCode, failure.ErrorMessage))
            .ToList();
        return ValueTask.FromResult<object?>(
            ErrorResponses.ValidationFailed(details, result.Errors.Select(failure => failure.CustomState).OfType<ErrorKind>().FirstOrDefault()));
    }

    /// <summary>"Profile.Headline" → "profile.headline": each segment of a nested property as the JSON names it.</summary>
    private static string JsonName(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}

public static class ValidationExtensions
{
    /// <summary>Validates the endpoint's <typeparamref name="TRequest"/> and documents the 400 it may answer.</summary>
    public static RouteHandlerBuilder Validate<TRequest>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<TRequest>>().ProducesErrors(StatusCodes.Status400BadRequest);

    /// <summary>A rule whose failure answers <paramref name="error"/> (its status, code and message) instead of a 400.</summary>
    public static IRuleBuilderOptions<T, TProperty> WithError<T, TProperty>(this IRuleBuilderOptions<T, TProperty> rule, ErrorKind error) =>
        rule.WithErrorCode(error.Code).WithMessage(error.Message).WithState(_ => error);

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
