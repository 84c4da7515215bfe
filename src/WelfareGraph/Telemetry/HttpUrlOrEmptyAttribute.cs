using System.ComponentModel.DataAnnotations;

namespace WelfareGraph.Telemetry;

/// <summary>Empty, or an absolute http or https URL.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlOrEmptyAttribute : ValidationAttribute
{
    public HttpUrlOrEmptyAttribute()
        : base("{0} must be empty or an absolute http or https URL") { }

    public override bool IsValid(object? value) =>
        value is not string text
        || text.Length == 0
        || Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";
}
