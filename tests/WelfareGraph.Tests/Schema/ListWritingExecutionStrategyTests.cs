using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using WelfareGraph.Querying;
using WelfareGraph.Security;

namespace WelfareGraph.Tests.Schema;

/// <summary>
/// The written-list strategy on a small schema whose fields fail, return null where they must not, finish
/// later or hold lists: each such list takes the standard path, and every answer — data, errors and their
/// paths — is the one standard execution gives.
/// </summary>
public sealed class ListWritingExecutionStrategyTests
{
    private sealed record Row(int N, string? Name);

    private sealed class RowType : ObjectGraphType<Row>
    {
        public RowType()
        {
            Name = "Row";
            Field<NonNullGraphType<IntGraphType>>("n").Resolve(c => c.Source.N);
            Field<StringGraphType>("name").Resolve(c => c.Source.Name);
            Field<DecimalGraphType>("third").Resolve(c => c.Source.N / 3m);
            Field<FloatGraphType>("half").Resolve(c => c.Source.N / 2.0);
            Field<BooleanGraphType>("even").Resolve(c => c.Source.N % 2 == 0);
            Field<LongGraphType>("big").Resolve(c => c.Source.N * 10_000_000_000L);
            Field<IntGraphType>("times").Argument<NonNullGraphType<IntGraphType>>("by").Resolve(c => c.Source.N * c.GetArgument<int>("by"));
            Field<RowType>("next").Resolve(c => c.Source.N < 3 ? new Row(c.Source.N + 1, null) : null);
            Field<IntGraphType>("failsAtThree")
                .Resolve(c => c.Source.N == 3 ? throw new ExecutionError("three") { Code = "THREE" } : c.Source.N);
            Field<IntGraphType>("crashesAtFour").Resolve(c => c.Source.N == 4 ? throw new InvalidOperationException("four") : c.Source.N);
            Field<NonNullGraphType<IntGraphType>>("nullAtTwo").Resolve(c => c.Source.N == 2 ? null : c.Source.N);
            // Slow enough to be unfinished when its resolver returns, whatever the thread pool does meanwhile.
            Field<IntGraphType>("later")
                .ResolveAsync(async c =>
                {
                    await Task.Delay(20);
                    return c.Source.N;
                });
            Field<ListGraphType<IntGraphType>>("digits").Resolve(c => Enumerable.Range(0, c.Source.N));
        }
    }

    private sealed class QueryType : ObjectGraphType
    {
        public QueryType()
        {
            Name = "Query";
            Field<NonNullGraphType<ListGraphType<NonNullGraphType<RowType>>>>("rows").Resolve(_ => Rows());
            // A lazy sequence that may be enumerated once only.
            Field<ListGraphType<RowType>>("onceRows").Resolve(_ => Once(Rows()));
            Field<ListGraphType<RowType>>("withNulls").Resolve(_ => Rows().Select(r => r.N == 4 ? null : r).ToList());
        }

        private static List<Row> Rows() =>
            [
                .. Enumerable
                    .Range(1, 5)
                    .Select(n => new Row(
                        n,
                        n switch
                        {
                            1 => "یک \"quoted\"",
                            4 => null,
                            _ => $"row {n}",
                        }
                    )),
            ];

        private static IEnumerable<Row> Once(IEnumerable<Row> rows)
        {
            var used = false;
            return Enumerate();
            IEnumerable<Row> Enumerate()
            {
                if (used)
                    throw new InvalidOperationException("enumerated twice");
                used = true;
                foreach (var row in rows)
                    yield return row;
            }
        }
    }

    private static readonly ISchema TestSchema = Build();

    private static ISchema Build()
    {
        var schema = new GraphQL.Types.Schema { Query = new QueryType() };
        schema.Initialize();
        return schema;
    }

    [Theory]
    [InlineData("{ rows { n name third half even big } }")]
    [InlineData("{ rows { __typename n double: times(by: 2) next { n next { n name } } } }")]
    [InlineData("query($by: Int!) { rows { ...F times(by: $by) } } fragment F on Row { n ... on Row { name } }")]
    [InlineData("{ onceRows { n name } }")]
    [InlineData("{ withNulls { n next { n } } }")]
    [InlineData("{ a: rows { n } b: rows { n @skip(if: true) name @include(if: true) } }")]
    public async Task Plain_lists_are_written_as_standard_execution_writes_them(string query)
    {
        var (standard, standardJson) = await RunAsync(query, written: false);
        var (written, writtenJson) = await RunAsync(query, written: true);

        Assert.Equal(standardJson, writtenJson);
        Assert.Contains("\"n\":5", writtenJson);
        Assert.DoesNotContain(Lists(standard), l => l.SerializedResult is WrittenList);
        var lists = Lists(written).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, l => Assert.True(l.SerializedResult is WrittenList { Count: 5 }, $"{l.Name} was not written"));
        Assert.Equal(AuditLog.CountRows(standard), AuditLog.CountRows(written));
    }

    [Theory]
    [InlineData("{ rows { n failsAtThree } }", "\"path\":[\"rows\",2,\"failsAtThree\"]")]
    [InlineData("{ rows { n crashesAtFour } }", "\"path\":[\"rows\",3,\"crashesAtFour\"]")]
    [InlineData(
        "{ rows { n nullAtTwo } }",
        "{\"errors\":[{\"message\":\"Error trying to resolve field "
            + "\u0027nullAtTwo\u0027.\",\"locations\":[{\"line\":1,\"column\":12}],\"path\":[\"rows\",1,\"nullAtTwo\"]"
    )]
    [InlineData("{ withNulls { n nullAtTwo } }", "\"withNulls\":[{\"n\":1,\"nullAtTwo\":1},null,")]
    [InlineData("{ rows { n later } }", "{\"n\":5,\"later\":5}")]
    [InlineData("{ onceRows { n later } }", "{\"n\":5,\"later\":5}")]
    [InlineData("{ rows { n digits } }", "{\"n\":3,\"digits\":[0,1,2]}")]
    public async Task Errors_nulls_unfinished_tasks_and_nested_lists_take_the_standard_path(string query, string expected)
    {
        var (_, standardJson) = await RunAsync(query, written: false);
        var (written, writtenJson) = await RunAsync(query, written: true);

        Assert.Equal(standardJson, writtenJson);
        Assert.Contains(expected, writtenJson);
        Assert.DoesNotContain(Lists(written), l => l.SerializedResult is WrittenList);
    }

    private static async Task<(ExecutionResult Result, string Json)> RunAsync(string query, bool written)
    {
        var executer = new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new DocumentValidator(),
            new DefaultExecutionStrategySelector([
                new ExecutionStrategyRegistration(new ListWritingExecutionStrategy(), OperationType.Query),
            ]),
            []
        );
        var result = await executer.ExecuteAsync(
            new ExecutionOptions
            {
                Schema = TestSchema,
                Query = query,
                Variables = new Inputs(new Dictionary<string, object?> { ["by"] = 3 }),
                UserContext = written ? new Dictionary<string, object?> { [ListWritingExecutionStrategy.Requested] = true } : [],
            }
        );
        return (result, new GraphQLSerializer(options => options.Encoder = ResponseJson.Encoder).Serialize(result));
    }

    private static IEnumerable<ArrayExecutionNode> Lists(ExecutionResult result)
    {
        var pending = new Stack<ExecutionNode>();
        if (result.Data is ExecutionNode root)
            pending.Push(root);
        while (pending.TryPop(out var node))
        {
            if (node is ArrayExecutionNode array)
            {
                yield return array;
                foreach (var item in array.Items ?? [])
                    pending.Push(item);
            }
            else if (node is ObjectExecutionNode { SubFields: { } fields })
                foreach (var field in fields)
                    pending.Push(field);
        }
    }
}
