using WelfareGraph;
using WelfareGraph.Ingestion;

if (ImportCommand.Handles(args)) return await ImportCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddWelfareGraph();

var app = builder.Build();
app.MapWelfareGraph();
app.Run();
return 0;

// Lets the tests host this exact composition with WebApplicationFactory<Program>.
public partial class Program;
