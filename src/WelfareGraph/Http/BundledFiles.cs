using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace WelfareGraph.Http;

/// <summary>How the pages the server ships (the IDE, the statement page) serve their files from their folder.</summary>
internal static class BundledFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    /// <summary>The file of that name, or null when there is none. PhysicalFileProvider refuses names that climb out.</summary>
    public static IFileInfo? Find(IFileProvider files, string name) =>
        files.GetFileInfo(name) is { Exists: true, IsDirectory: false, PhysicalPath: not null } info ? info : null;

    /// <summary>The file with its content type and validators (ETag, Last-Modified), so browsers revalidate cheaply.</summary>
    public static IResult Serve(IFileInfo file, string name) =>
        Results.File(
            file.PhysicalPath!,
            ContentTypeOf(name),
            lastModified: file.LastModified,
            entityTag: new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.UtcTicks:x}\""),
            enableRangeProcessing: true
        );

    /// <summary>Text in UTF-8 (Persian included); licence files, which have no extension, as plain text.</summary>
    private static string ContentTypeOf(string name)
    {
        if (Path.GetFileName(name).StartsWith("LICENSE", StringComparison.Ordinal))
            return "text/plain; charset=utf-8";
        if (!ContentTypes.TryGetContentType(name, out var type))
            return "application/octet-stream";
        return
            type.StartsWith("text/", StringComparison.Ordinal)
            || type is "application/javascript" or "application/json" or "application/manifest+json"
            ? type + "; charset=utf-8"
            : type;
    }
}
