using System.Linq.Expressions;

namespace WelfareGraph.Ingestion;

/// <summary>A kind's compared fields: equal on all of them is a resend; otherwise the sent values are copied.</summary>
public sealed class ComparedFields<TEntity>(params IReadOnlyList<ComparedField<TEntity>> fields)
{
    /// <summary>Properties compared and copied as they are: <c>new(c => c.Name, c => c.CountyId)</c>.</summary>
    public ComparedFields(params IEnumerable<Expression<Func<TEntity, object?>>> properties)
        : this([.. properties.Select(ComparedField<TEntity>.Of)]) { }

    /// <summary>These fields and one more.</summary>
    public ComparedFields<TEntity> And(ComparedField<TEntity> field) => new([.. fields, field]);

    /// <summary>Copies the sent values onto the stored row; false when nothing differs (a resend).</summary>
    public bool CopyIfChanged(TEntity sent, TEntity stored)
    {
        if (fields.All(f => f.Same(sent, stored)))
            return false;
        foreach (var field in fields)
            field.Copy(sent, stored);
        return true;
    }
}
