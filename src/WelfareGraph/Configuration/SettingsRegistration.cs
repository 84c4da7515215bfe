using Microsoft.Extensions.Options;

namespace WelfareGraph.Configuration;

/// <summary>How every options class joins the composition: bound, validated on start, and injectable as itself.</summary>
public static class SettingsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from its <see cref="SettingsSectionAttribute"/> section and checks its
    /// validation attributes when the host starts, so a wrong value stops the server with a message naming the
    /// key. Consumers take <typeparamref name="T"/> itself: the validated value, read once.
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services)
        where T : class
    {
        var section = SettingsSectionAttribute.Of(typeof(T));
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<T>>(new SettingsValidation<T>(section));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services;
    }
}
