using System.Collections;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace WelfareGraph.Querying;

/// <summary>
/// Query execution for callers that only serialize the result (the GraphQL endpoint): a list of objects is
/// written to JSON while it is resolved when everything selected under it is a plain value or object. A
/// national <c>contributionTotals</c> of 3,348 groups is otherwise some 27,000 execution nodes, each built,
/// run and serialized on its own — most of the time the server spends outside the database. The same
/// resolvers run with real contexts (arguments, user, services). A nested list, an abstract type, a data
/// loader, an unfinished task, an exception or a null in a non-null field sends the list down the standard
/// path, so results and errors are always those of standard execution.
/// </summary>
public class ListWritingExecutionStrategy : ParallelExecutionStrategy
{
    /// <summary>The <see cref="ExecutionOptions.UserContext"/> key that asks for written lists.</summary>
    public const string Requested = "WelfareGraph.WriteListsAsJson";

    protected override async Task SetArrayItemNodesAsync(ExecutionContext context, ArrayExecutionNode parent)
    {
        if (
            context.UserContext.ContainsKey(Requested)
            && parent.Result is IEnumerable values and not string
            && ListJsonWriter.Plan(context, parent, (type, selection) => CollectFieldsFrom(context, type, selection, null)) is { } plan
        )
        {
            // Enumerated once: a lazy sequence is not run a second time if the standard path takes over.
            var items = values as IList ?? values.Cast<object?>().ToList();
            parent.Result = items;
            var (written, unfinished) = plan.Write(items, context.CancellationToken);
            if (written is not null)
            {
                parent.SerializedResult = written;
                return;
            }
            // A resolver that did not finish synchronously is let finish before the standard path runs it again.
            if (unfinished is not null)
                try
                {
                    await unfinished;
                }
                catch (Exception) { } // discarded: the standard path runs the resolver again and reports its error
        }
        await base.SetArrayItemNodesAsync(context, parent);
    }
}
