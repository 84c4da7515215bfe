using System.Text.Encodings.Web;

namespace WelfareGraph.Querying;

/// <summary>How GraphQL responses are written, by the serializer and by <see cref="ListJsonWriter"/> alike.</summary>
public static class ResponseJson
{
    // Persian text (and quotes in messages) go out as UTF-8, not as \u escapes; responses are JSON for API
    // clients, never embedded into HTML, so the relaxed encoder is safe here.
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
}
