using Azure.Storage.Blobs;

namespace WelfareGraph.Exports.Jobs;

/// <summary>
/// Reads <c>Exports:JobStore</c>: a container URL or a storage connection string is a blob store, anything else a folder.
/// </summary>
public static class ExportJobStores
{
    public static IExportJobStore Create(ExportOptions options)
    {
        var store = options.ResolvedJobStore;
        if (Uri.TryCreate(store, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
            return new BlobJobStore(new BlobContainerClient(url));
        if (IsConnectionString(store))
            return new BlobJobStore(new BlobContainerClient(store, options.JobContainer));
        return new FolderJobStore(store);
    }

    /// <summary>Azure Storage connection strings name their account, endpoint or the development emulator.</summary>
    public static bool IsConnectionString(string store) =>
        store.Contains("UseDevelopmentStorage=", StringComparison.OrdinalIgnoreCase)
        || store.Contains(';')
            && (
                store.Contains("AccountName=", StringComparison.OrdinalIgnoreCase)
                || store.Contains("BlobEndpoint=", StringComparison.OrdinalIgnoreCase)
            );
}
