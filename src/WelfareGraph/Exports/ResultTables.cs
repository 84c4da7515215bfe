using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using WelfareGraph.Labels;
using WelfareGraph.Periods;
using WelfareGraph.Querying;

namespace WelfareGraph.Exports;

/// <summary>The table of a GraphQL result, flattened: one row per group, node or item, nested objects as dotted columns.</summary>
public sealed record ResultTable(IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    public ExportTable ToExportTable() => ExportTable.FromRows(Columns, Rows);
}

/// <summary>
/// Finds the table in a GraphQL result — a totals field's <c>groups</c>, a connection's <c>nodes</c> (or
/// <c>edges.node</c>), a segment's <c>items</c>, a plain list, or else the root object as one row — and
/// flattens it. The columns come from the query's selection and the schema's types, not from the data, so a
/// column whose values are all null (a <c>center</c> no group has) is still there and typed, and the same
/// query always gives the same columns: what a scheduled Power BI refresh needs.
/// </summary>
public static class ResultTables
{
    private static readonly string[] ListFields = ["groups", "nodes", "items", "edges"];

    private sealed record PlannedColumn(string[] Path, ExportColumn Column);

    public static ResultTable Read(ExecutionResult result)
    {
        if (result.Data is not ObjectExecutionNode root || root.SubFields is not { Length: > 0 } fields)
            throw new ExportException("The query returned no data to export.", "NO_DATA");
        var document = result.Document ?? throw new ExportException("The query returned no data to export.", "NO_DATA");
        // The first root field holding a list is the table; a query of single objects exports its first one as a row.
        var located = fields.Select(Locate).FirstOrDefault(l => l.IsList) ?? Locate(fields[0]);
        var columns = new List<PlannedColumn>();
        Plan(located.Type, located.Selection, document, [], columns, top: true);
        var rows = located.Rows.Select(row => columns.Select(c => Value(row, c)).ToArray()).ToList();
        return new ResultTable(columns.Select(c => c.Column).ToList(), rows);
    }

    private sealed record Located(IReadOnlyList<ExecutionNode?> Rows, IComplexGraphType Type, GraphQLSelectionSet Selection, bool IsList);

    private static Located Locate(ExecutionNode node)
    {
        if (node is ArrayExecutionNode array && Element(node.GraphType) is IComplexGraphType element && node.Field?.SelectionSet is { } set)
            return new Located(array.Items ?? [], element, set, true);
        if (node is ObjectExecutionNode obj && obj.SubFields is { } subFields)
        {
            foreach (var name in ListFields)
            {
                if (subFields.FirstOrDefault(f => f.FieldDefinition?.Name == name) is not ArrayExecutionNode list)
                    continue;
                if (name != "edges")
                    return Locate(list);
                // edges { cursor node { ... } }: the rows are the nodes.
                var edge = Element(list.GraphType) as IComplexGraphType;
                var nodeField = list
                    .Field?.SelectionSet?.Selections.OfType<GraphQLField>()
                    .FirstOrDefault(f => f.Name.StringValue == "node");
                if (
                    edge?.GetField("node")?.ResolvedType is { } nodeType
                    && Unwrap(nodeType) is IComplexGraphType nodeComplex
                    && nodeField?.SelectionSet is { } nodeSet
                )
                {
                    var rows = (list.Items ?? [])
                        .Select(e => (e as ObjectExecutionNode)?.SubFields?.FirstOrDefault(f => f.FieldDefinition?.Name == "node"))
                        .ToList();
                    return new Located(rows, nodeComplex, nodeSet, true);
                }
            }
        }
        if (Unwrap(node.GraphType) is IComplexGraphType type && node.Field?.SelectionSet is { } selection)
            return new Located([node], type, selection, false);
        throw new ExportException($"`{node.Name}` is a single value, not a table: select objects or a list to export.", "NO_TABLE");
    }

    private static void Plan(
        IComplexGraphType type,
        GraphQLSelectionSet set,
        GraphQLDocument document,
        string[] prefix,
        List<PlannedColumn> columns,
        bool top
    )
    {
        foreach (var field in Collect(set, document))
        {
            var name = field.Name.StringValue;
            if (name.StartsWith("__", StringComparison.Ordinal) || type.GetField(name) is not { } definition)
                continue;
            var responseName = field.Alias?.Name.StringValue ?? name;
            // A group's `key` holds the grouping columns: they read better without the prefix (county.nameFa, month).
            string[] path = top && name == "key" ? [] : [.. prefix, responseName];
            var fieldType = Unwrap(definition.ResolvedType!);
            if (fieldType is ListGraphType list)
            {
                // A list of values becomes one text column; a list of objects inside a row has no column shape.
                if (Element(list) is not IComplexGraphType)
                    columns.Add(new PlannedColumn(path, new ExportColumn(string.Join('.', path), ColumnKind.Text)));
                continue;
            }
            if (fieldType is IComplexGraphType complex)
            {
                if (field.SelectionSet is { } nested)
                    Plan(complex, nested, document, path, columns, top: false);
                continue;
            }
            columns.Add(
                new PlannedColumn(path, new ExportColumn(string.Join('.', path), KindOf(fieldType), Codes: LabelledEnum(fieldType)))
            );
        }
    }

    private static IEnumerable<GraphQLField> Collect(GraphQLSelectionSet set, GraphQLDocument document)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Selections.Fields(document, set))
            if (names.Add(field.Alias?.Name.StringValue ?? field.Name.StringValue))
                yield return field;
    }

    private static object? Value(ExecutionNode? row, PlannedColumn column)
    {
        var node = row;
        foreach (var segment in column.Path)
        {
            if (node is not ObjectExecutionNode { SubFields: { } children })
                return null;
            node = Array.Find(children, c => c.Name == segment) ?? KeyChild(children, segment);
        }
        return node switch
        {
            ValueExecutionNode value => Convert(value.ToValue(), column.Column.Kind),
            ArrayExecutionNode { Items: { } items } => string.Join("; ", items.Select(i => i.ToValue())),
            _ => null,
        };
    }

    // Key columns are planned without their `key.` prefix; look through the key node for them.
    private static ExecutionNode? KeyChild(ExecutionNode[] children, string segment) =>
        Array.Find(children, c => c.FieldDefinition?.Name == "key") is ObjectExecutionNode { SubFields: { } keyFields }
            ? Array.Find(keyFields, c => c.Name == segment)
            : null;

    public static object? Convert(object? value, ColumnKind kind) =>
        value switch
        {
            null => null,
            _ => kind switch
            {
                ColumnKind.Integer => System.Convert.ToInt64(value, CultureInfo.InvariantCulture),
                ColumnKind.Decimal => System.Convert.ToDecimal(value, CultureInfo.InvariantCulture),
                ColumnKind.Float => System.Convert.ToDouble(value, CultureInfo.InvariantCulture),
                ColumnKind.Boolean => System.Convert.ToBoolean(value, CultureInfo.InvariantCulture),
                ColumnKind.Date => value is DateOnly date
                    ? date
                    : DateOnly.ParseExact(
                        System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
                        "yyyy-MM-dd",
                        CultureInfo.InvariantCulture
                    ),
                _ => value as string ?? System.Convert.ToString(value, CultureInfo.InvariantCulture),
            },
        };

    public static ColumnKind KindOf(IGraphType type) =>
        type is DateScalar
            ? ColumnKind.Date
            : type.Name switch
            {
                "Int" or "Long" or "Short" or "UShort" or "UInt" or "ULong" or "Byte" or "SByte" or "BigInt" => ColumnKind.Integer,
                "Decimal" => ColumnKind.Decimal,
                "Float" => ColumnKind.Float,
                "Boolean" => ColumnKind.Boolean,
                _ => ColumnKind.Text,
            };

    /// <summary>The CLR enum behind a GraphQL enum field, when the label table has words for it.</summary>
    private static Type? LabelledEnum(IGraphType type)
    {
        for (var t = type.GetType(); t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(EnumerationGraphType<>))
                return t.GetGenericArguments()[0] is var e && EnumLabels.Labels(e) ? e : null;
        return null;
    }

    private static IGraphType Unwrap(IGraphType type) => type is NonNullGraphType nonNull ? Unwrap(nonNull.ResolvedType!) : type;

    private static IGraphType? Element(IGraphType type) => Unwrap(type) is ListGraphType list ? Unwrap(list.ResolvedType!) : null;
}
