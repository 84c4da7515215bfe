using System.Security.Claims;
using WelfareGraph.Security;

namespace WelfareGraph.Requests;

/// <summary>The document a request runs: its text, the trusted document it is (if any), and what the audit log calls it.</summary>
/// <param name="Key">The trusted id, or the hash of the text.</param>
public sealed record ResolvedDocument(string Text, TrustedDocument? Trusted, string Key);

/// <summary>A request whose document the trusted-document rules refuse; <see cref="Status"/> is the file edges' status.</summary>
public sealed record DocumentRefusal(int Status, string Message, string Code);

/// <summary>
/// The trusted-document rules of every edge that takes a document (GraphQL, exports, export jobs): an id must name a
/// trusted document (<c>TRUSTED_DOCUMENT_NOT_FOUND</c>), a query sent with it must be its text
/// (<c>TRUSTED_DOCUMENT_MISMATCH</c>), a request without an id must carry a query, and a trusted-only caller may run
/// nothing but trusted documents (<c>TRUSTED_DOCUMENT_REQUIRED</c>). A trusted text sent as a query counts as its id.
/// </summary>
public static class TrustedDocumentRules
{
    public const string NotFound = "TRUSTED_DOCUMENT_NOT_FOUND";
    public const string Mismatch = "TRUSTED_DOCUMENT_MISMATCH";
    public const string Required = "TRUSTED_DOCUMENT_REQUIRED";

    /// <param name="what">What the caller sent, as the refusal names it ("request", "export").</param>
    public static (ResolvedDocument? Document, DocumentRefusal? Refusal) Resolve(
        TrustedDocuments trusted,
        string? id,
        string? query,
        string what
    )
    {
        if (id is not null)
        {
            if (trusted.Find(id) is not { } document)
                return (null, new(StatusCodes.Status404NotFound, $"There is no trusted document '{id}'.", NotFound));
            if (!string.IsNullOrWhiteSpace(query) && trusted.FindByText(query) != document)
                return (null, new(StatusCodes.Status400BadRequest, $"The query sent is not the trusted document '{id}'.", Mismatch));
            return (new(document.Text, document, document.Id), null);
        }
        if (string.IsNullOrWhiteSpace(query))
            return (
                null,
                new(StatusCodes.Status400BadRequest, $"The {what} has no `query` (nor the `id` of a trusted document).", "INVALID_REQUEST")
            );
        // Hashed once: to recognise a trusted text, and to name the document in the audit log.
        var hash = TrustedDocuments.HashOf(query);
        var match = trusted.Find(hash);
        return (new(query, match, match?.Id ?? hash), null);
    }

    /// <summary>The refusal of an untrusted document for a caller configured as trusted-only; null when it may run.</summary>
    /// <param name="example">How a trusted request looks on this edge, for the message.</param>
    public static DocumentRefusal? CheckCaller(
        TrustedDocuments trusted,
        ClaimsPrincipal user,
        TrustedDocument? document,
        string verb,
        string example
    ) =>
        document is null && trusted.RequiredFor(user)
            ? new(StatusCodes.Status403Forbidden, $"This caller may only {verb} trusted documents: send {example}.", Required)
            : null;
}
