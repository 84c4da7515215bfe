using WelfareGraph.Configuration;

namespace WelfareGraph.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddWelfareIngestion(this IServiceCollection services)
    {
        services.AddSettings<IngestionOptions>();
        services.AddSingleton<ContributionUpserter>();
        services.AddSingleton<HouseholdUpserter>();
        return services;
    }
}
