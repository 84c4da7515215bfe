using WelfareGraph;
using WelfareGraph.Ingestion;
using WelfareGraph.Security;

if (ImportCommand.Handles(args))
    return await ImportCommand.RunAsync(args, command => command.AddWelfareGraph());

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

var app = builder.Build();
app.MapWelfareGraph();
app.Run();
return 0;

// Lets the tests host this exact composition with WebApplicationFactory<Program>.
public partial class Program;
