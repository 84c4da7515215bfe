using System.Security.Cryptography;
using System.Text;
using WelfareGraph.Querying;

namespace WelfareGraph.Ingestion;

/// <summary>
/// A household's key: the HMAC of its national id under a key from configuration, computed before anything is
/// written or logged.
/// </summary>
public sealed class HouseholdPseudonyms(IngestionOptions options, IHostEnvironment environment)
{
    public string Of(string nationalId)
    {
        var key = options.PseudonymKey;
        if (string.IsNullOrEmpty(key))
        {
            if (!environment.IsDevelopment())
                throw new InvalidOperationException("Ingestion:PseudonymKey must be set to accept households outside Development.");
            key = "development-only-pseudonym-key";
        }
        var normalized = PersianText.Fold(nationalId).Trim().Replace("-", "").Replace(" ", "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(normalized)));
    }
}
