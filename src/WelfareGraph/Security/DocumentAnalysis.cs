using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace WelfareGraph.Security;

/// <summary>
/// What one operation of a document asks for once its fragments are expanded — worked out without expanding
/// them: each fragment is analysed once, against its own type condition, and its figures are added wherever it
/// is spread, so a document of nine fragments each spreading the next nine times costs nine small visits, not
/// 387,420,489. Counts saturate at <see cref="long.MaxValue"/> instead of overflowing. The work done is
/// <see cref="NodesVisited"/>, which the hostile-document tests hold to a small multiple of the document's tokens.
/// </summary>
public sealed class DocumentAnalysis
{
    /// <summary>Fields selected anywhere, every spread of a fragment counted.</summary>
    public long Fields { get; private init; }
    public long Aliases { get; private init; }
    public long RootFields { get; private init; }

    /// <summary>The deepest field, the root fields being 1 deep.</summary>
    public int Depth { get; private init; }

    /// <summary>
    /// Every field costs 1 (introspection 0), times the sizes of the lists above it: a page's lists (<c>nodes</c>,
    /// <c>edges</c>, <c>items</c>) count the page asked for (<c>first</c>/<c>last</c>/<c>take</c>, else the default page),
    /// any other list the default page; a page's other fields (<c>totalCount</c>, <c>pageInfo</c>) count once.
    /// </summary>
    public long Cost { get; private init; }

    /// <summary>
    /// The most introspection lists (<c>fields</c>, <c>inputFields</c>, <c>interfaces</c>, <c>possibleTypes</c>) on one path.
    /// </summary>
    public int IntrospectionNesting { get; private init; }

    /// <summary>
    /// The most fields sharing one response name in one selection set once fragments are merged into it — an
    /// upper bound that is exact unless a selection set has more than <see cref="NameCounts.Tracked"/> names.
    /// </summary>
    public long SameNameFields { get; private init; }
    public string? SameName { get; private init; }

    /// <summary>The most directives on one field, fragment, operation or variable.</summary>
    public int DirectivesPerLocation { get; private init; }

    /// <summary>A fragment that spreads itself, directly or through others (never followed round).</summary>
    public string? FragmentCycle { get; private init; }
    public long NodesVisited { get; private init; }

    public static DocumentAnalysis Of(GraphQLDocument document, GraphQLOperationDefinition operation, ISchema schema, ListSizes sizes)
    {
        var walker = new Walker(document, schema, sizes);
        walker.Directives(operation.Directives);
        foreach (var variable in operation.Variables?.Items ?? [])
            walker.Directives(variable.Directives);
        var root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        var summary = walker.SelectionSet(operation.SelectionSet, root, complete: true);
        return new DocumentAnalysis
        {
            Cost = Saturating.Add(summary.Cost, Saturating.Multiply(sizes.DefaultPageSize, summary.PerItem)),
            Fields = summary.Fields,
            Aliases = summary.Aliases,
            RootFields = summary.TopFields,
            Depth = summary.Depth,
            IntrospectionNesting = summary.IntrospectionNesting,
            SameNameFields = walker.SameNameFields,
            SameName = walker.SameName,
            DirectivesPerLocation = walker.DirectivesPerLocation,
            FragmentCycle = walker.FragmentCycle,
            NodesVisited = walker.NodesVisited,
        };
    }

    /// <summary>How many items a list field is taken to return: what the cost multiplies by.</summary>
    /// <param name="DefaultPageSize">A list without <c>first</c>/<c>last</c>/<c>take</c> is costed at the page it would return.</param>
    public sealed record ListSizes(int DefaultPageSize, Inputs? Variables);

    /// <summary>A selection set's figures, the way they add up where it is merged or spread.</summary>
    private sealed class Summary
    {
        public long Fields,
            Aliases,
            TopFields;

        /// <summary>
        /// The cost, but for what its list fields select: that is <see cref="PerItem"/>, the cost of one item of each,
        /// which the field that owns the set multiplies by its page (a fragment does not know which page it is spread in).
        /// </summary>
        public long Cost,
            PerItem;
        public int Depth,
            IntrospectionNesting;
        public readonly NameCounts Names = new();

        /// <summary>Adds a fragment's (or inline fragment's) selections to the set it is merged into.</summary>
        public long Merge(Summary other)
        {
            Fields = Saturating.Add(Fields, other.Fields);
            Aliases = Saturating.Add(Aliases, other.Aliases);
            TopFields = Saturating.Add(TopFields, other.TopFields);
            Cost = Saturating.Add(Cost, other.Cost);
            PerItem = Saturating.Add(PerItem, other.PerItem);
            Depth = Math.Max(Depth, other.Depth);
            IntrospectionNesting = Math.Max(IntrospectionNesting, other.IntrospectionNesting);
            return Names.Add(other.Names);
        }
    }

    private sealed class Walker(GraphQLDocument document, ISchema schema, ListSizes sizes)
    {
        private static readonly HashSet<string> IntrospectionLists = ["fields", "inputFields", "interfaces", "possibleTypes"];
        private static readonly Summary Empty = new();

        private readonly Dictionary<string, GraphQLFragmentDefinition> _definitions = Definitions(document);

        // A fragment's figures depend only on its own text and type condition: null while it is being analysed.
        private readonly Dictionary<string, Summary?> _fragments = new(StringComparer.Ordinal);

        public long NodesVisited;
        public long SameNameFields;
        public string? SameName;
        public int DirectivesPerLocation;
        public string? FragmentCycle;

        /// <param name="complete">A field's own selection set, or the operation's — not an inline fragment's or a fragment's, which merge
        /// into one.</param>
        public Summary SelectionSet(GraphQLSelectionSet set, IGraphType? parent, bool complete)
        {
            var summary = new Summary();
            foreach (var selection in set.Selections)
            {
                NodesVisited++;
                switch (selection)
                {
                    case GraphQLField field:
                        Field(field, parent, summary);
                        break;
                    case GraphQLInlineFragment inline:
                        Directives(inline.Directives);
                        var type = inline.TypeCondition is { } condition ? TypeNamed(condition.Type.Name.StringValue) : parent;
                        var inner = SelectionSet(inline.SelectionSet, type, complete: false);
                        NodesVisited += summary.Merge(inner); // not `+= Merge(SelectionSet(...))`: that would drop the inner visits
                        break;
                    case GraphQLFragmentSpread spread:
                        Directives(spread.Directives);
                        var fragment = Fragment(spread.FragmentName.Name.StringValue);
                        NodesVisited += summary.Merge(fragment);
                        break;
                }
            }
            if (complete)
            {
                var (name, count) = summary.Names.Largest();
                if (count > SameNameFields)
                    (SameNameFields, SameName) = (count, name);
            }
            return summary;
        }

        public void Directives(GraphQLDirectives? directives)
        {
            if (directives is null)
                return;
            NodesVisited += directives.Count;
            DirectivesPerLocation = Math.Max(DirectivesPerLocation, directives.Count);
        }

        private void Field(GraphQLField field, IGraphType? parent, Summary summary)
        {
            Directives(field.Directives);
            var name = field.Name.StringValue;
            var definition = FieldOf(parent, name);
            var type = definition?.ResolvedType;
            var children = field.SelectionSet is { } set ? SelectionSet(set, type?.GetNamedType(), complete: true) : Empty;

            var introspection = name.StartsWith("__", StringComparison.Ordinal) || IsIntrospectionType(parent);
            var alias = field.Alias is null ? 0 : 1;
            summary.Fields = Saturating.Add(summary.Fields, Saturating.Add(1, children.Fields));
            summary.Aliases = Saturating.Add(summary.Aliases, alias + children.Aliases);
            summary.TopFields = Saturating.Add(summary.TopFields, 1);
            summary.Depth = Math.Max(summary.Depth, children.Depth + 1);
            var own = introspection ? 0 : 1;
            var selected = Saturating.Add(children.Cost, Saturating.Multiply(PageSize(field, definition), children.PerItem));
            if (IsList(definition))
            {
                summary.Cost = Saturating.Add(summary.Cost, own);
                summary.PerItem = Saturating.Add(summary.PerItem, selected);
            }
            else
                summary.Cost = Saturating.Add(summary.Cost, Saturating.Add(own, selected));
            var ownList = IsIntrospectionType(parent) && IntrospectionLists.Contains(name) ? 1 : 0;
            summary.IntrospectionNesting = Math.Max(summary.IntrospectionNesting, children.IntrospectionNesting + ownList);
            summary.Names.Add((field.Alias?.Name ?? field.Name).StringValue, 1);
        }

        private Summary Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known))
            {
                if (known is not null)
                    return known;
                FragmentCycle ??= name;
                return Empty;
            }
            if (!_definitions.TryGetValue(name, out var definition))
                return Empty; // unknown: the spec's own rule reports it
            _fragments[name] = null;
            Directives(definition.Directives);
            var summary = SelectionSet(definition.SelectionSet, TypeNamed(definition.TypeCondition.Type.Name.StringValue), complete: false);
            _fragments[name] = summary;
            return summary;
        }

        /// <summary>
        /// How many items each list directly below a field is taken to hold: the page a paged field asks for
        /// (the largest of <c>first</c>, <c>last</c>, <c>take</c>, else the default page), the default page elsewhere.
        /// </summary>
        private long PageSize(GraphQLField field, FieldType? definition)
        {
            var size = -1L;
            if (
                definition?.Arguments is { } arguments
                && (arguments.Find("first") ?? arguments.Find("last") ?? arguments.Find("take")) is not null
            )
                foreach (var argument in field.Arguments?.Items ?? [])
                {
                    NodesVisited++;
                    if (argument.Name.StringValue is "first" or "last" or "take" && IntValue(argument.Value) is { } value)
                        size = Math.Max(size, Math.Max(0, value));
                }
            return size >= 0 ? size : sizes.DefaultPageSize;
        }

        private static bool IsList(FieldType? definition) =>
            (definition?.ResolvedType is NonNullGraphType nonNull ? nonNull.ResolvedType : definition?.ResolvedType) is ListGraphType;

        private long? IntValue(GraphQLValue value) =>
            value switch
            {
                GraphQLIntValue number
                    when long.TryParse(
                        number.Value,
                        System.Globalization.NumberStyles.AllowLeadingSign,
                        System.Globalization.CultureInfo.InvariantCulture,
                        out var parsed
                    ) => parsed,
                GraphQLIntValue => long.MaxValue, // past 64 bits: refused as an Int later, costed as the most here
                GraphQLVariable variable when sizes.Variables?.TryGetValue(variable.Name.StringValue, out var given) == true => given switch
                {
                    int i => i,
                    long l => l,
                    _ => null,
                },
                _ => null,
            };

        private FieldType? FieldOf(IGraphType? parent, string name) =>
            name switch
            {
                "__typename" => schema.TypeNameMetaFieldType,
                "__schema" when parent == schema.Query => schema.SchemaMetaFieldType,
                "__type" when parent == schema.Query => schema.TypeMetaFieldType,
                _ => (parent as IComplexGraphType)?.GetField(name),
            };

        private IGraphType? TypeNamed(string name) => schema.AllTypes[name];

        private static bool IsIntrospectionType(IGraphType? type) => type?.Name.StartsWith("__", StringComparison.Ordinal) == true;

        private static Dictionary<string, GraphQLFragmentDefinition> Definitions(GraphQLDocument document)
        {
            var definitions = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
            foreach (var definition in document.Definitions)
                if (definition is GraphQLFragmentDefinition fragment)
                    definitions.TryAdd(fragment.FragmentName.Name.StringValue, fragment); // duplicates: the spec's own rule
            return definitions;
        }
    }
}
