namespace Waitlist.Infrastructure.PersonalData;

/// <summary>The person a right of access or erasure is about: their account id and address (as stored, normalised).</summary>
public sealed record DataSubject(string UserId, string Email);

/// <summary>
/// What one feature holds about a person, for the GDPR rights of access and portability (<see cref="ExportAsync"/>)
/// and of erasure (<see cref="EraseAsync"/>). Every feature that stores personal data implements it, and the account's
/// export and deletion call them all (they are discovered), so a new feature with personal data is one new class, not
/// an edit of the deletion code.
/// </summary>
public interface IPersonalData
{
    /// <summary>The section's name in the export (<c>waitlist</c>, <c>emails</c>, ...).</summary>
    string Section { get; }

    /// <summary>Everything this feature holds about the person, ready to serialise as JSON; null when it holds nothing.</summary>
    Task<object?> ExportAsync(DataSubject subject, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes what is the person's alone and anonymises what must stay for others, in the request's
    /// <c>DbScope</c> (the caller's transaction): an account is erased everywhere or nowhere.
    /// </summary>
    Task EraseAsync(DataSubject subject, CancellationToken cancellationToken);
}

public static class PersonalDataDiscovery
{
    /// <summary>Every implementation in the assembly, scoped (they work in the request's database scope).</summary>
    public static IServiceCollection AddPersonalData(this IServiceCollection services)
    {
        foreach (var type in Endpoints.EndpointDiscovery.ConcreteTypes<IPersonalData>())
            services.AddScoped(typeof(IPersonalData), type);
        return services;
    }
}
