namespace WelfareGraph.Ingestion;

/// <summary>A kind's compared fields: equal on all of them is a resend; otherwise the sent values are copied.</summary>
public sealed class ComparedFields<TEntity>(params ComparedField<TEntity>[] fields)
{
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
