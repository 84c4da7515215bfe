using WelfareGraph.Configuration;

namespace WelfareGraph.Ingestion;

public static class IngestionRegistration
{
    public static IServiceCollection AddWelfareIngestion(this IServiceCollection services)
    {
        services.AddSettings<IngestionOptions>();
        services.AddSingleton<IChangeFeedStamper, ChangeFeedStamper>();
        services.AddSingleton<BatchWriter>();
        services.AddSingleton<Retraction>();
        services.AddSingleton<IngestionWriting>();
        services.AddSingleton<HouseholdPseudonyms>();
        services.AddBatchMapping<ContributionRecord, Contributions.Contribution, ContributionMapping>();
        services.AddBatchMapping<HouseholdRecord, Households.Household, HouseholdMapping>();
        services.AddBatchMapping<ProvinceRecord, Geography.Province, ProvinceMapping>();
        services.AddBatchMapping<CountyRecord, Geography.County, CountyMapping>();
        services.AddBatchMapping<CenterRecord, Centers.Center, CenterMapping>();
        services.AddBatchMapping<CharityRecord, Charities.Charity, CharityMapping>();
        return services;
    }

    /// <summary>A kind of record, resolvable by its own type and as the mapping of its record and entity.</summary>
    private static void AddBatchMapping<TRecord, TEntity, TMapping>(this IServiceCollection services)
        where TEntity : class
        where TMapping : class, IBatchMapping<TRecord, TEntity>
    {
        services.AddSingleton<TMapping>();
        services.AddSingleton<IBatchMapping<TRecord, TEntity>>(sp => sp.GetRequiredService<TMapping>());
    }
}
