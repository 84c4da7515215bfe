using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace WelfareGraph.Exports.PowerBi;

/// <summary>
/// An <see cref="ExportTable"/> of typed rows: one column per public property, typed from the property, read by compiled getters.
/// </summary>
public static class ObjectTables
{
    public static ExportTable From<T>(IAsyncEnumerable<T> rows)
    {
        var (columns, getters) = Shape<T>.Value;
        return new ExportTable(columns, Map(rows, getters));
    }

    public static ExportTable From<T>(IEnumerable<T> rows) => From(rows.ToAsyncEnumerable());

    private static async IAsyncEnumerable<object?[]> Map<T>(
        IAsyncEnumerable<T> rows,
        Func<T, object?>[] getters,
        [EnumeratorCancellation] CancellationToken cancellationToken = default
    )
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var values = new object?[getters.Length];
            for (var i = 0; i < getters.Length; i++)
                values[i] = getters[i](row);
            yield return values;
        }
    }

    private static class Shape<T>
    {
        public static readonly (IReadOnlyList<ExportColumn> Columns, Func<T, object?>[] Getters) Value = Build();

        private static (IReadOnlyList<ExportColumn>, Func<T, object?>[]) Build()
        {
            var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
            var columns = properties.Select(p => new ExportColumn(p.Name, KindOf(p.PropertyType), p.Name)).ToList();
            var getters = properties
                .Select(p =>
                {
                    var row = Expression.Parameter(typeof(T));
                    Expression value = Expression.Property(row, p);
                    var type = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                    // Integers of every width go out as the long the writers expect.
                    if (type == typeof(int))
                        value = Expression.Convert(value, p.PropertyType == typeof(int) ? typeof(long) : typeof(long?));
                    return Expression.Lambda<Func<T, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
                })
                .ToArray();
            return (columns, getters);
        }

        private static ColumnKind KindOf(Type type) =>
            (Nullable.GetUnderlyingType(type) ?? type) switch
            {
                var t when t == typeof(int) || t == typeof(long) => ColumnKind.Integer,
                var t when t == typeof(decimal) => ColumnKind.Decimal,
                var t when t == typeof(double) => ColumnKind.Float,
                var t when t == typeof(bool) => ColumnKind.Boolean,
                var t when t == typeof(DateOnly) => ColumnKind.Date,
                _ => ColumnKind.Text,
            };
    }
}
