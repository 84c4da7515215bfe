using System.Linq.Expressions;
using System.Reflection;

namespace WelfareGraph.Ingestion;

/// <summary>
/// One stored field a resend is compared on and an update copies: change detection is the list of a kind's
/// compared fields, written once (<see cref="ComparedFields{TEntity}"/>), not a hand-written chain of comparisons.
/// </summary>
public sealed class ComparedField<TEntity>
{
    private readonly Func<TEntity, TEntity, bool> _same;
    private readonly Action<TEntity, TEntity> _copy;

    private ComparedField(Func<TEntity, TEntity, bool> same, Action<TEntity, TEntity> copy) => (_same, _copy) = (same, copy);

    /// <summary>A field read by <paramref name="get"/> and written by <paramref name="set"/> (a property with rules of its own).</summary>
    public static ComparedField<TEntity> Of<TValue>(Func<TEntity, TValue> get, Action<TEntity, TValue> set) =>
        new((a, b) => EqualityComparer<TValue>.Default.Equals(get(a), get(b)), (from, to) => set(to, get(from)));

    /// <summary>A property compared and copied as it is: <c>c => c.Name</c>, compiled once into a typed getter and setter.</summary>
    public static ComparedField<TEntity> Of(Expression<Func<TEntity, object?>> property)
    {
        var body = property.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : property.Body;
        if (body is not MemberExpression { Member: PropertyInfo info })
            throw new ArgumentException($"{property} does not name a property.", nameof(property));
        var typed = typeof(ComparedField<TEntity>).GetMethod(nameof(Property), BindingFlags.NonPublic | BindingFlags.Static)!;
        return (ComparedField<TEntity>)typed.MakeGenericMethod(info.PropertyType).Invoke(null, [info])!;
    }

    private static ComparedField<TEntity> Property<TValue>(PropertyInfo info)
    {
        var (entity, value) = (Expression.Parameter(typeof(TEntity)), Expression.Parameter(typeof(TValue)));
        var get = Expression.Lambda<Func<TEntity, TValue>>(Expression.Property(entity, info), entity).Compile();
        var set = Expression.Lambda<Action<TEntity, TValue>>(Expression.Assign(Expression.Property(entity, info), value), entity, value);
        return Of(get, set.Compile());
    }

    public bool Same(TEntity sent, TEntity stored) => _same(sent, stored);

    public void Copy(TEntity sent, TEntity stored) => _copy(sent, stored);
}
