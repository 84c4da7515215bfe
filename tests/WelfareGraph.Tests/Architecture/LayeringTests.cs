using System.Reflection;
using GraphQL.Types;
using NetArchTest.Rules;
using WelfareGraph.Data;

namespace WelfareGraph.Tests.Architecture;

/// <summary>
/// The layers of the server, checked on the compiled assembly (docs/architecture.md draws them). A namespace
/// may depend on its own layer and the layers below it, never on a layer above; and no two top-level
/// namespaces may depend on each other.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>
    /// Bottom: the entities, their EF configuration, their enums and their labels, the calendar, and each entity's GraphQL type.
    /// </summary>
    private static readonly string[] DomainModel =
    [
        "WelfareGraph.Centers",
        "WelfareGraph.Charities",
        "WelfareGraph.Contributions",
        "WelfareGraph.Geography",
        "WelfareGraph.Households",
        "WelfareGraph.Labels",
        "WelfareGraph.Periods",
        "WelfareGraph.ChangeFeed",
        "WelfareGraph.Reports",
    ];

    /// <summary>Middle: the database, the GraphQL building blocks for lists and responses, callers and limits.</summary>
    private static readonly string[] Infrastructure =
    [
        "WelfareGraph.Configuration",
        "WelfareGraph.Data",
        "WelfareGraph.Querying",
        "WelfareGraph.Security",
        "WelfareGraph.Telemetry",
    ];

    /// <summary>Top: what the server offers, and the schema composed from it.</summary>
    private static readonly string[] Features =
    [
        "WelfareGraph.Analytics",
        "WelfareGraph.Exports",
        "WelfareGraph.Ingestion",
        "WelfareGraph.Http",
        "WelfareGraph.Requests",
        "WelfareGraph.Schema",
    ];

    private static readonly Assembly Server = typeof(WelfareDbContext).Assembly;

    [Fact]
    public void Every_namespace_belongs_to_one_layer()
    {
        string[] layered = [.. DomainModel, .. Infrastructure, .. Features];
        var topLevel = Server
            .GetTypes()
            .Select(t => t.Namespace)
            .Where(ns => ns is not null && ns.StartsWith("WelfareGraph.", StringComparison.Ordinal))
            .Select(ns => string.Join('.', ns!.Split('.').Take(2)))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(topLevel);
        Assert.Equal(topLevel, layered.Where(topLevel.Contains).Order(StringComparer.Ordinal));
        Assert.Equal(layered.Length, layered.Distinct().Count());
    }

    [Fact]
    public void The_domain_model_depends_on_no_layer_above_it()
    {
        // An entity's GraphQL type may use the GraphQL building blocks (Querying), as the next test says.
        var result = InNamespaces(DomainModel).ShouldNot().HaveDependencyOnAny([.. Infrastructure, .. Features]).GetResult();

        var outsideGraphTypes = Unexpected(result).Where(name => !IsGraphType(name)).ToList();
        Assert.Empty(outsideGraphTypes);
    }

    [Fact]
    public void The_domain_models_GraphQL_types_use_only_the_GraphQL_building_blocks()
    {
        var result = InNamespaces(DomainModel)
            .ShouldNot()
            .HaveDependencyOnAny(["WelfareGraph.Data", "WelfareGraph.Security", .. Features])
            .GetResult();

        Assert.Empty(Unexpected(result));
    }

    [Fact]
    public void Data_querying_and_security_depend_on_no_feature()
    {
        var result = InNamespaces(Infrastructure).ShouldNot().HaveDependencyOnAny(Features).GetResult();

        Assert.Empty(Unexpected(result));
    }

    [Fact]
    public void Nothing_depends_on_the_composition_root()
    {
        var result = InNamespaces([.. DomainModel, .. Infrastructure, .. Features])
            .ShouldNot()
            .HaveDependencyOnAny("WelfareGraph.WelfareGraphExtensions", "WelfareGraph.Program")
            .GetResult();

        Assert.Empty(Unexpected(result));
    }

    /// <summary>
    /// Between top-level namespaces: if A uses B, B uses nothing of A. Two pairs of entities navigate to each other
    /// both ways, as their foreign keys do — a county lists its centres and charities, each names its county — and
    /// are the only pairs allowed.
    /// </summary>
    [Fact]
    public void No_two_namespaces_depend_on_each_other()
    {
        (string, string)[] entityNavigations =
        [
            ("WelfareGraph.Centers", "WelfareGraph.Geography"),
            ("WelfareGraph.Charities", "WelfareGraph.Geography"),
        ];
        string[] all = [.. DomainModel, .. Infrastructure, .. Features];

        var cycles = new List<string>();
        for (var i = 0; i < all.Length; i++)
        {
            for (var j = i + 1; j < all.Length; j++)
            {
                if (entityNavigations.Contains((all[i], all[j])) || entityNavigations.Contains((all[j], all[i])))
                    continue;
                var forth = Users([all[i]], [all[j]]);
                var back = Users([all[j]], [all[i]]);
                if (forth.Count > 0 && back.Count > 0)
                    cycles.Add($"{all[i]} ↔ {all[j]}: {string.Join(", ", forth)} ↔ {string.Join(", ", back)}");
            }
        }

        Assert.True(cycles.Count == 0, string.Join(Environment.NewLine, cycles));
    }

    private static List<string> Users(string[] from, string[] to) =>
        Unexpected(InNamespaces(from).ShouldNot().HaveDependencyOnAny(to).GetResult());

    private static PredicateList InNamespaces(string[] namespaces)
    {
        var predicates = Types.InAssembly(Server).That().ResideInNamespace(namespaces[0]);
        foreach (var ns in namespaces.Skip(1))
            predicates = predicates.Or().ResideInNamespace(ns);
        return predicates;
    }

    /// <summary>A GraphQL type, or a closure inside one (Cecil names nested types Outer/Inner).</summary>
    private static bool IsGraphType(string typeName)
    {
        var type = Server.GetType(typeName.Split('/')[0]);
        return type is not null && typeof(GraphType).IsAssignableFrom(type);
    }

    private static List<string> Unexpected(TestResult result) => [.. (result.FailingTypeNames ?? []).Order(StringComparer.Ordinal)];
}
