using System.Buffers;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Execution;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace WelfareGraph.Querying;

/// <summary>
/// Writes the items of a list field to JSON by a plan made once per list: for each selected field (after
/// fragments, aliases and @skip/@include, as the strategy collects them) its resolver, its context and how
/// its value is written. The contexts are real ones over a single execution node per field, whose parent's
/// result is set to each item in turn.
/// </summary>
internal sealed class ListJsonWriter
{
    private readonly ObjectPlan _items;
    private readonly bool _itemsNonNull;

    private ListJsonWriter(ObjectPlan items, bool itemsNonNull) => (_items, _itemsNonNull) = (items, itemsNonNull);

    /// <returns>The plan, or null when something under the list needs standard execution.</returns>
    public static ListJsonWriter? Plan(
        ExecutionContext context,
        ArrayExecutionNode list,
        Func<IGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect
    )
    {
        var itemType = ((ListGraphType)list.GraphType).ResolvedType;
        var nonNull = itemType is NonNullGraphType;
        if (nonNull)
            itemType = ((NonNullGraphType)itemType!).ResolvedType;
        if (itemType is not IObjectGraphType objectType || list.Field.SelectionSet is not { } selection)
            return null;
        var item = new ObjectExecutionNode(list, objectType, list.Field, list.FieldDefinition, 0);
        return ObjectPlan.For(context, objectType, item, selection, collect) is { } plan ? new ListJsonWriter(plan, nonNull) : null;
    }

    /// <returns>The items as JSON; or null, and the resolver task that did not finish synchronously if that was why.</returns>
    public (WrittenList? Written, Task? Unfinished) Write(IList items, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, items.Count * 96));
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = ResponseJson.Encoder });
        var ends = new int[items.Count];
        var writing = new Writing(writer);
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                if ((i & 255) == 0)
                    cancellationToken.ThrowIfCancellationRequested();
                if (items[i] is { } item)
                {
                    if (!_items.Write(item, writing))
                        return (null, writing.Unfinished);
                }
                else if (_itemsNonNull)
                    return (null, null);
                else
                    writer.WriteNullValue();
                writer.Flush();
                writer.Reset(); // each item is a JSON value of its own
                ends[i] = buffer.WrittenCount;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, null); // standard execution reports it, with its path
        }
        return (new WrittenList(buffer.WrittenMemory, ends), null);
    }

    private sealed record Writing(Utf8JsonWriter Writer)
    {
        public Task? Unfinished { get; set; }
    }

    private sealed class ObjectPlan(IObjectGraphType type, ExecutionNode node, FieldPlan[] fields)
    {
        public static ObjectPlan? For(
            ExecutionContext context,
            IObjectGraphType type,
            ExecutionNode node,
            GraphQLSelectionSet selection,
            Func<IGraphType, GraphQLSelectionSet, Dictionary<string, (GraphQLField Field, FieldType FieldType)>> collect
        )
        {
            var fields = new List<FieldPlan>();
            foreach (var (name, (field, definition)) in collect(type, selection))
            {
                var fieldType = definition.ResolvedType!;
                var nonNull = fieldType is NonNullGraphType;
                if (nonNull)
                    fieldType = ((NonNullGraphType)fieldType).ResolvedType!;
                ExecutionNode child;
                ObjectPlan? objectPlan = null;
                switch (fieldType)
                {
                    case ScalarGraphType scalar:
                        child = new ValueExecutionNode(node, scalar, field, definition, null);
                        break;
                    case IObjectGraphType objectType when field.SelectionSet is { } childSelection:
                        child = new ObjectExecutionNode(node, objectType, field, definition, null);
                        objectPlan = For(context, objectType, child, childSelection, collect);
                        if (objectPlan is null)
                            return null;
                        break;
                    default:
                        return null; // lists and abstract types go the standard way
                }
                fields.Add(
                    new FieldPlan(
                        JsonEncodedText.Encode(name, ResponseJson.Encoder),
                        definition.Resolver ?? NameFieldResolver.Instance,
                        new ReadonlyResolveFieldContext(child, context),
                        nonNull,
                        fieldType as ScalarGraphType,
                        objectPlan
                    )
                );
            }
            return new ObjectPlan(type, node, [.. fields]);
        }

        /// <returns>False when the item needs standard execution.</returns>
        public bool Write(object source, Writing writing)
        {
            if (type.IsTypeOf is { } isTypeOf && !isTypeOf(source))
                return false;
            node.Result = source;
            var writer = writing.Writer;
            writer.WriteStartObject();
            foreach (var field in fields)
            {
                var pending = field.Resolver.ResolveAsync(field.Context);
                if (!pending.IsCompletedSuccessfully)
                {
                    writing.Unfinished = pending.AsTask();
                    return false;
                }
                var value = pending.Result;
                if (value is IDataLoaderResult)
                    return false;
                if (field.Scalar is { } scalar && value is not null)
                    value = scalar.Serialize(value);
                writer.WritePropertyName(field.Name);
                if (value is null)
                {
                    if (field.NonNull)
                        return false;
                    writer.WriteNullValue();
                }
                else if (field.Object is { } objectPlan)
                {
                    if (!objectPlan.Write(value, writing))
                        return false;
                }
                else if (!TryWriteScalar(writer, value))
                    return false;
            }
            writer.WriteEndObject();
            return true;
        }

        // The primitives scalars serialize to, written as the JSON serializer writes them; any other type
        // (a custom scalar's object) goes the standard way.
        private static bool TryWriteScalar(Utf8JsonWriter writer, object value)
        {
            switch (value)
            {
                case string text:
                    writer.WriteStringValue(text);
                    return true;
                case int number:
                    writer.WriteNumberValue(number);
                    return true;
                case long number:
                    writer.WriteNumberValue(number);
                    return true;
                case decimal number:
                    writer.WriteNumberValue(number);
                    return true;
                case double number:
                    writer.WriteNumberValue(number);
                    return true;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    return true;
                default:
                    return false;
            }
        }
    }

    private sealed record FieldPlan(
        JsonEncodedText Name,
        IFieldResolver Resolver,
        IResolveFieldContext Context,
        bool NonNull,
        ScalarGraphType? Scalar,
        ObjectPlan? Object
    );
}

/// <summary>A list's items already written as JSON, one element each (the JSON serializer writes them in turn).</summary>
public sealed class WrittenList(ReadOnlyMemory<byte> json, int[] ends) : IReadOnlyList<WrittenList.Element>
{
    public int Count => ends.Length;

    public Element this[int index] => new(json[(index == 0 ? 0 : ends[index - 1])..ends[index]]);

    public IEnumerator<Element> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    [JsonConverter(typeof(ElementConverter))]
    public sealed record Element(ReadOnlyMemory<byte> Json);

    private sealed class ElementConverter : JsonConverter<Element>
    {
        public override Element Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("A written list is output only.");

        public override void Write(Utf8JsonWriter writer, Element value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Json.Span, skipInputValidation: true);
    }
}
