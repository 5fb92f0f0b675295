using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Waitlist.Infrastructure.Configuration;

/// <summary>
/// The one way settings are read: a class per configuration section, bound once and validated when the host starts
/// (its data annotations and, for rules that span properties, <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/>),
/// so a bad value stops start-up with a message that names the setting instead of failing at the first request that
/// reads it. Consumers take the class itself from DI.
/// </summary>
public static class Settings
{
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, string section) where T : class
    {
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>
    /// A list setting given as an array (appsettings.json, <c>Section__0</c>...) or as one comma-separated value (how a
    /// list arrives in a single environment variable such as BETTER_AUTH_TRUSTED_ORIGINS).
    /// </summary>
    public static string[] List(IConfigurationSection section) =>
        new[] { section.Value }.Concat(section.GetChildren().Select(child => child.Value))
            .SelectMany(value => (value ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();

    /// <summary>Binds a list-valued property with <see cref="List"/>, which the plain binder does not do for a single value.</summary>
    public static OptionsBuilder<T> BindList<T>(this OptionsBuilder<T> builder, string key, Action<T, string[]> assign) where T : class =>
        builder.PostConfigure<IConfiguration>((settings, configuration) => assign(settings, List(configuration.GetSection(key))));
}
