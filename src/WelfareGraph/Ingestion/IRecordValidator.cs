namespace WelfareGraph.Ingestion;

/// <summary>A batch's validation with the reference data it names already loaded.</summary>
public interface IRecordValidator<in TRecord, out TEntity>
{
    /// <summary>The row a record describes, or null once <paramref name="error"/> (field, code, message) has said why not.</summary>
    TEntity? Validate(TRecord record, Action<string, string, string> error);
}
