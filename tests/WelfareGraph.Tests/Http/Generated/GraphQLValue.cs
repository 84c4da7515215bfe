using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WelfareGraph.Tests.Http.Generated;

/// <summary>
/// An argument value that can be written two ways — inline in the document (a GraphQL literal) or sent as
/// a variable (JSON) — so one generated value exercises both the parser's and the variable coercion's path.
/// </summary>
public abstract record GraphQLValue
{
    /// <summary>Persian stays readable in printed failures; everything JSON needs escaping still is.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public abstract string Literal();

    public abstract JsonNode? Json();

    public static GraphQLValue Of(string value) => new Text(value);

    public static GraphQLValue Of(long value) => new Number(value);

    public static GraphQLValue Of(bool value) => new Flag(value);

    public static GraphQLValue Enum(string name) => new EnumValue(name);

    public static GraphQLValue List(params GraphQLValue[] items) => new ListValue(items);

    public static GraphQLValue Object(params (string Name, GraphQLValue Value)[] fields) => new ObjectValue(fields);

    public static readonly GraphQLValue Null = new NullValue();

    /// <summary>For corruptions: a literal and a JSON value that need not agree with any schema type.</summary>
    public static GraphQLValue Raw(string literal, JsonNode? json) => new RawValue(literal, json);

    /// <summary>A GraphQL string literal; GraphQL's escapes are JSON's.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Readable);

    private sealed record Text(string Value) : GraphQLValue
    {
        public override string Literal() => Quote(Value);

        public override JsonNode? Json() => JsonValue.Create(Value);
    }

    private sealed record Number(long Value) : GraphQLValue
    {
        public override string Literal() => Value.ToString(CultureInfo.InvariantCulture);

        public override JsonNode? Json() => JsonValue.Create(Value);
    }

    private sealed record Flag(bool Value) : GraphQLValue
    {
        public override string Literal() => Value ? "true" : "false";

        public override JsonNode? Json() => JsonValue.Create(Value);
    }

    private sealed record EnumValue(string Name) : GraphQLValue
    {
        public override string Literal() => Name;

        public override JsonNode? Json() => JsonValue.Create(Name);
    }

    private sealed record NullValue : GraphQLValue
    {
        public override string Literal() => "null";

        public override JsonNode? Json() => null;
    }

    private sealed record ListValue(IReadOnlyList<GraphQLValue> Items) : GraphQLValue
    {
        public override string Literal() => "[" + string.Join(", ", Items.Select(i => i.Literal())) + "]";

        public override JsonNode? Json() => new JsonArray([.. Items.Select(i => i.Json())]);
    }

    private sealed record ObjectValue(IReadOnlyList<(string Name, GraphQLValue Value)> Fields) : GraphQLValue
    {
        public override string Literal() => "{ " + string.Join(", ", Fields.Select(f => $"{f.Name}: {f.Value.Literal()}")) + " }";

        public override JsonNode? Json()
        {
            var json = new JsonObject();
            foreach (var (name, value) in Fields)
                json[name] = value.Json();
            return json;
        }
    }

    private sealed record RawValue(string LiteralText, JsonNode? JsonValueNode) : GraphQLValue
    {
        public override string Literal() => LiteralText;

        public override JsonNode? Json() => JsonValueNode?.DeepClone();
    }
}
