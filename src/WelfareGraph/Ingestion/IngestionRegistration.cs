namespace WelfareGraph.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddWelfareIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Ingestion").Get<IngestionOptions>() ?? new IngestionOptions());
        services.AddSingleton<ContributionUpserter>();
        services.AddSingleton<HouseholdUpserter>();
        return services;
    }
}
