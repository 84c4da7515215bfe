using System.Reflection;
using Microsoft.Extensions.Options;
using WelfareGraph;
using WelfareGraph.Data.Rollups;
using WelfareGraph.Ingestion;
using WelfareGraph.Security;

if (ImportCommand.Handles(args))
    return await ImportCommand.RunAsync(args, command => command.AddWelfareGraph());
if (RollupsCommand.Handles(args))
    return await RollupsCommand.RunAsync(args, command => command.AddWelfareGraph());

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddWelfareGraph();
}
catch (StartupRefusedException refused)
{
    // A configuration problem, not a crash: say what to configure, without a stack trace.
    Console.Error.WriteLine(refused.Message);
    return 78; // EX_CONFIG
}

try
{
    var app = builder.Build();
    app.MapWelfareGraph();
    await app.RunAsync();
}
catch (Exception e) when (IsSettingsFailure(e) && Assembly.GetEntryAssembly() == typeof(Program).Assembly)
{
    // Settings are validated as the host is composed and starts; each failure names its key and value, which is all
    // an operator needs. (Hosted in-process by the tests' WebApplicationFactory, the exception goes to the test.)
    var failures = e is AggregateException all ? all.InnerExceptions.Cast<OptionsValidationException>() : [(OptionsValidationException)e];
    foreach (var failure in failures.SelectMany(f => f.Failures))
        Console.Error.WriteLine(failure);
    return 78; // EX_CONFIG
}
return 0;

// Several sections' failures come as one AggregateException.
static bool IsSettingsFailure(Exception e) =>
    e is OptionsValidationException || e is AggregateException all && all.InnerExceptions.All(i => i is OptionsValidationException);

// Lets the tests host this exact composition with WebApplicationFactory<Program>.
public partial class Program;
