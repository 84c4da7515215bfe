using System.ComponentModel.DataAnnotations;
using WelfareGraph.Configuration;

namespace WelfareGraph.Security;

/// <summary>
/// Abuse limits of the GraphQL endpoint, from the <c>GraphQL</c> configuration section. Every limit on the
/// document is checked on one <see cref="DocumentAnalysis"/>, before GraphQL.NET's validation rules run (some
/// of which compare fields pairwise), so an over-limit request is refused before any SQL runs and in time
/// linear in its size. The defaults let Banana Cake Pop, the trusted operations and a 5,000-record
/// ingestion batch through.
/// </summary>
[SettingsSection("GraphQL")]
public sealed class GraphQLLimits
{
    /// <summary>Deepest selection allowed (Banana Cake Pop's introspection query is 13 deep).</summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Largest cost of one operation: every selected field costs 1, times the sizes of the lists above it —
    /// <c>first</c>/<c>last</c> where given, else the default page size (<c>GraphQL:DefaultPageSize</c>).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxComplexity { get; set; } = 5000;

    [Range(0, int.MaxValue)]
    public int MaxAliases { get; set; } = 30;

    [Range(1, int.MaxValue)]
    public int MaxRootFields { get; set; } = 20;

    /// <summary>
    /// Fields selected once fragments are expanded (counted, never expanded). The IDE's full introspection selects about 80.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxFields { get; set; } = 2_000;

    /// <summary>
    /// Fields sharing one response name in one selection set once fragments are merged (field merging compares them pairwise).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxSameNameFields { get; set; } = 20;

    [Range(0, int.MaxValue)]
    public int MaxDirectivesPerLocation { get; set; } = 10;

    /// <summary>The lexer's tokens in one document, checked before it is parsed.</summary>
    [Range(1, int.MaxValue)]
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Deepest nesting of objects and lists in the variables (an ingestion batch is 3 deep).</summary>
    [Range(1, int.MaxValue)]
    public int MaxVariablesDepth { get; set; } = 10;

    /// <summary>
    /// Longest list in the variables: above an ingestion batch's 5,000 records (<c>Ingestion:MaxBatchSize</c>), whose own limit answers a
    /// batch just over it precisely.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxVariablesListLength { get; set; } = 10_000;

    /// <summary>
    /// Introspection lists nested on one path; their output grows as the schema's size to that power (graphql-js's rule: 3).
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxIntrospectionNesting { get; set; } = 3;

    /// <summary>Largest request body (variables included: room for an ingestion batch of 5,000 records).</summary>
    [Range(1, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Longest GraphQL document in characters (the query text, or a GET's whole query string).</summary>
    [Range(1, int.MaxValue)]
    public int MaxDocumentLength { get; set; } = 64 * 1024;

    /// <summary>Most operations in one JSON-array batch.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>After this, execution is cancelled — database commands included — and the request answers with an error.</summary>
    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>Default</c>: open in Development, to authenticated callers elsewhere.</summary>
    [EnumDataType(typeof(IntrospectionAccess))]
    public IntrospectionAccess Introspection { get; set; } = IntrospectionAccess.Default;

    public RateLimitOptions RateLimit { get; set; } = new();

    public TrustedDocumentOptions TrustedDocuments { get; set; } = new();

    public IntrospectionAccess IntrospectionFor(IHostEnvironment environment) =>
        Introspection switch
        {
            IntrospectionAccess.Default => environment.IsDevelopment() ? IntrospectionAccess.Anonymous : IntrospectionAccess.Authenticated,
            var access => access,
        };
}

public enum IntrospectionAccess
{
    Default,

    /// <summary>Anyone, even without a token, may ask for the schema (never for data).</summary>
    Anonymous,
    Authenticated,
    Disabled,
}

/// <summary>Per-client fixed-window rate limit on the GraphQL endpoint.</summary>
public sealed class RateLimitOptions
{
    [Range(1, int.MaxValue)]
    public int PermitLimit { get; set; } = 300;

    [Range(typeof(TimeSpan), Durations.Positive, Durations.Longest)]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The trusted documents (<c>schema/operations</c>) and who may send nothing else.</summary>
public sealed class TrustedDocumentOptions
{
    /// <summary>The folder of <c>*.graphql</c> operations, relative to the repository (or deployment) root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Folder { get; set; } = "schema/operations";

    /// <summary>Every caller may only run trusted documents.</summary>
    public bool RequiredForAll { get; set; }

    /// <summary>Callers holding any of these roles may only run trusted documents (a dashboard's service principal, say).</summary>
    public List<string> RequiredForRoles { get; set; } = [];
}
