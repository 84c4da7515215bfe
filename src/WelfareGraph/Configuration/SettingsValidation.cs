using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace WelfareGraph.Configuration;

/// <summary>
/// The validation attributes of an options class (and of the objects it holds, such as <c>GraphQL:RateLimit</c>),
/// checked with messages that name the configuration key and the value found, e.g.
/// "GraphQL:MaxDepth must be between 1 and 100; it is 0." — what an operator needs to fix the file.
/// </summary>
public sealed class SettingsValidation<T>(string section) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = Failures(section, options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> Failures(string prefix, object options)
    {
        foreach (var property in Settable(options.GetType()))
        {
            var key = prefix + ":" + property.Name;
            var value = property.GetValue(options);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
                if (!attribute.IsValid(value))
                    yield return Message(attribute, key, value);
            if (value is not null && IsNested(property.PropertyType))
                foreach (var failure in Failures(key, value))
                    yield return failure;
        }
    }

    /// <summary>The keys configuration binds: public properties with a public setter.</summary>
    public static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>An object of keys of its own (a sub-section), not a value or a list of values.</summary>
    public static bool IsNested(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static string Message(ValidationAttribute attribute, string key, object? value) =>
        attribute switch
        {
            RangeAttribute range => $"{key} must be between {Shown(range.Minimum)} and {Shown(range.Maximum)}; it is {Shown(value)}.",
            EnumDataTypeAttribute named =>
                $"{key} must be one of {string.Join(", ", Enum.GetNames(named.EnumType))}; it is {Shown(value)}.",
            RequiredAttribute => $"{key} must be set; it is {Shown(value)}.",
            _ => $"{attribute.FormatErrorMessage(key).TrimEnd('.')}; it is {Shown(value)}.",
        };

    private static string Shown(object? value) =>
        value switch
        {
            null => "not set",
            string text => $"'{text}'",
            TimeSpan duration => Seconds(duration.ToString("c", CultureInfo.InvariantCulture)),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    /// <summary>A duration as appsettings.json writes it: 00:00:00.001, not 00:00:00.0010000.</summary>
    private static string Seconds(string constant) =>
        constant.LastIndexOf('.') > constant.LastIndexOf(':') ? constant.TrimEnd('0') : constant;
}
