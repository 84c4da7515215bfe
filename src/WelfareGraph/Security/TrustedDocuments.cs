using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace WelfareGraph.Security;

/// <summary>A named operation of <c>schema/operations</c>, callable by its id instead of its text.</summary>
public sealed record TrustedDocument(string Id, string Hash, string Text);

/// <summary>
/// The trusted documents: each <c>schema/operations/*.graphql</c> file, callable as
/// <c>{"id": "ParticipationStatement", "variables": {...}}</c> (the file name) or
/// <c>{"id": "sha256:&lt;hex&gt;"}</c> (the SHA-256 of its text, with LF line endings, so the hash does not
/// depend on how git checked the file out). Callers configured as trusted-only may run nothing else — a
/// dashboard's service principal cannot be turned into a general query client if its secret leaks.
/// </summary>
public sealed class TrustedDocuments
{
    public const string HashPrefix = "sha256:";

    private readonly Dictionary<string, TrustedDocument> _byKey = new(StringComparer.Ordinal);
    private readonly TrustedDocumentOptions _options;

    public TrustedDocuments(TrustedDocumentOptions options, string rootFolder, ILogger<TrustedDocuments> logger)
    {
        _options = options;
        var folder = Path.GetFullPath(Path.Combine(rootFolder, options.Folder));
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The trusted documents folder {Folder} does not exist: no document can be called by id.", folder);
            return;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.graphql").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file).ReplaceLineEndings("\n");
            var document = new TrustedDocument(Path.GetFileNameWithoutExtension(file), HashOf(text), text);
            _byKey[document.Id] = document;
            _byKey[document.Hash] = document;
        }
    }

    /// <summary>By file name or by <c>sha256:&lt;hex&gt;</c>.</summary>
    public TrustedDocument? Find(string id) =>
        _byKey.GetValueOrDefault(
            id.StartsWith(HashPrefix, StringComparison.OrdinalIgnoreCase) ? HashPrefix + id[HashPrefix.Length..].ToLowerInvariant() : id
        );

    /// <summary>The trusted document whose text this is, if any: sending a trusted text counts as sending its id.</summary>
    public TrustedDocument? FindByText(string text) => _byKey.GetValueOrDefault(HashOf(text));

    public bool RequiredFor(ClaimsPrincipal user) =>
        _options.RequiredForAll || WelfareRoles.Of(user).Any(_options.RequiredForRoles.Contains);

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> of the text with its line endings as \n (a document's hash whatever the sender's platform).
    /// </summary>
    public static string HashOf(string text) =>
        HashPrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}
